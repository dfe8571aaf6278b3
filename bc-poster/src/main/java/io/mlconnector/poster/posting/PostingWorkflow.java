package io.mlconnector.poster.posting;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.posting.store.AuditEntry;
import io.mlconnector.posting.store.AuditStep;
import io.mlconnector.posting.store.AuditTrail;
import io.mlconnector.posting.store.PostingRecord;
import io.mlconnector.posting.store.PostingState;
import io.mlconnector.posting.store.PostingStateStore;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Posts one request to Business Central exactly once, whatever crashed before.
 * <ol>
 *   <li>{@code begin}: the posting key is stored in RECEIVED, or the stored record is returned (replay).</li>
 *   <li>POSTED already: answered from the store, no BC call.</li>
 *   <li>RECEIVED -> MAPPED is recorded <em>before</em> any BC call. So a record still in RECEIVED has never
 *       reached BC and the draft is created straight away (two BC calls for an invoice); any other state
 *       means an earlier attempt may have reached BC, and BC is asked first: a posted document with this key
 *       is recorded as POSTED, a draft is posted, nothing is created twice.</li>
 *   <li>Draft created -> DRAFT_CREATED (with the BC id) -> post -> POSTED.</li>
 * </ol>
 * A record that was POSTED under an earlier content revision and has changed in Procore since is parked as
 * an exception with both revisions named: it is never posted a second time silently.
 * <p>
 * Reactive end to end: the store (reactive MongoDB driver) and BC (WebClient) steps are composed in order, each
 * starting only once the previous one is acknowledged, so the order above (store before BC, BC before store) is
 * exactly the blocking version's; no step waits on a thread.
 */
public final class PostingWorkflow {

    private static final Logger log = LoggerFactory.getLogger(PostingWorkflow.class);

    private final TenantRegistry tenants;
    private final BcClients clients;
    private final Map<BcDocumentKind, LedgerDocument> documents;
    private final PostingStateStore store;
    private final AuditTrail audit;
    private final ToLongFunction<String> bcCallCount;
    private final Clock clock;
    private final Consumer<PostingResult> outcomes;

    public PostingWorkflow(TenantRegistry tenants, BcClients clients, List<LedgerDocument> documents,
                           PostingStateStore store, AuditTrail audit, ToLongFunction<String> bcCallCount, Clock clock) {
        this(tenants, clients, documents, store, audit, bcCallCount, clock, result -> { });
    }

    /** @param outcomes hears every finished posting (metrics); not called when a retry is scheduled */
    public PostingWorkflow(TenantRegistry tenants, BcClients clients, List<LedgerDocument> documents,
                           PostingStateStore store, AuditTrail audit, ToLongFunction<String> bcCallCount, Clock clock,
                           Consumer<PostingResult> outcomes) {
        this.outcomes = outcomes;
        this.tenants = tenants;
        this.clients = clients;
        this.documents = documents.stream().collect(java.util.stream.Collectors.toMap(LedgerDocument::kind, d -> d));
        this.store = store;
        this.audit = audit;
        this.bcCallCount = bcCallCount;
        this.clock = clock;
    }

    /**
     * Emits the result to publish once every step it took is stored (majority, journaled). Fails with
     * {@link RetryablePostingException} when BC should be tried again later. Cold: nothing happens until subscribed,
     * and no step blocks a thread.
     */
    public Mono<PostingResult> post(PostingRequest request) {
        return attempt(request).doOnNext(outcomes);
    }

    private Mono<PostingResult> attempt(PostingRequest request) {
        Tenant tenant = tenants.byId(request.getTenantId()).orElse(null);
        LedgerDocument document = documents.get(request.getDocumentKind());
        return store.begin(PostingRecord.received(request.getPostingKey(), request.getTenantId(),
                request.getSourceType().name(), request.getSourceId(), request.getContentRevision(),
                request.getDocumentKind().name())).flatMap(record -> {
            long callsBefore = tenant == null ? 0 : bcCallCount.applyAsLong(tenant.id());
            Mono<Void> received = record.state() != PostingState.RECEIVED ? Mono.empty()
                    : note(record, AuditStep.RECEIVED, request.getDocumentKind() + " with " + request.getLines().size()
                    + " lines, total " + request.getTotalAmount() + ", revision " + request.getContentRevision());
            return received.then(Mono.defer(() -> afterBegin(request, tenant, document, record, callsBefore)));
        });
    }

    private Mono<PostingResult> afterBegin(PostingRequest request, Tenant tenant, LedgerDocument document,
                                           PostingRecord record, long callsBefore) {
        if (record.state() == PostingState.POSTED) {
            return note(record, AuditStep.REPLAYED, "already posted; nothing sent to BC")
                    .then(Mono.fromSupplier(() -> result(request, PostingOutcome.ALREADY_POSTED, record.bcDocumentId(),
                            record.bcDocumentNumber(), "already posted", 0)));
        }
        if (tenant == null || document == null) {
            String why = tenant == null ? "unknown tenant " + request.getTenantId()
                    : "no BC document strategy for " + request.getDocumentKind();
            return fail(record, PostingState.FAILED, why)
                    .map(failed -> finish(request, failed, PostingOutcome.FAILED, why, callsBefore, tenant));
        }
        return postedUnderAnotherRevision(request)
                .flatMap(earlier -> {
                    String why = "changed in Procore after it was posted: revision "
                            + shortRevision(earlier.contentRevision()) + " is posted as BC document "
                            + earlier.bcDocumentNumber() + " (key " + earlier.postingKey() + "); revision "
                            + shortRevision(request.getContentRevision()) + " was not posted again";
                    return note(record, AuditStep.CHANGED_AFTER_POSTING, why)
                            .then(fail(record, PostingState.PARKED, why))
                            .map(parked -> finish(request, parked, PostingOutcome.PARKED, why, callsBefore, tenant));
                })
                .switchIfEmpty(Mono.defer(() -> postToBc(request, tenant, clients.forTenant(tenant), document, record,
                                callsBefore))
                        .onErrorResume(BcApiException.class, e -> onBcError(request, tenant, e, callsBefore))
                        .onErrorResume(VendorDocumentNumberTaken.class, e -> current(request)
                                .flatMap(current -> fail(current, PostingState.PARKED, e.getMessage()))
                                .map(parked -> finish(request, parked, PostingOutcome.PARKED, e.getMessage(),
                                        callsBefore, tenant))));
    }

    /** Where one posting stands between two steps: the stored record and what BC holds. */
    private record Progress(PostingRecord record, BcDocumentState state) {
    }

    private Mono<PostingResult> postToBc(PostingRequest request, Tenant tenant, BcClient bc, LedgerDocument document,
                                         PostingRecord record, long callsBefore) {
        boolean mayBeInBc = record.state() != PostingState.RECEIVED;
        Mono<PostingRecord> mapped = Mono.just(record);
        if (record.state() != PostingState.DRAFT_CREATED && record.state() != PostingState.MAPPED) {
            PostingState from = record.state();
            mapped = moveTo(record, PostingState.MAPPED, u -> u.documentKind(request.getDocumentKind().name()))
                    .flatMap(moved -> note(moved, AuditStep.MAPPED, "recorded before any BC call (was " + from + ")")
                            .thenReturn(moved));
        }
        return mapped.flatMap(current -> {
            Mono<BcDocumentState> inBc = !mayBeInBc ? Mono.empty() : document.find(bc, request)
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(found -> note(current, AuditStep.BC_LOOKUP, found.isEmpty()
                            ? "BC holds no document of this posting (" + request.getPostingKey() + ")"
                            : "BC already holds this posting's " + (found.get().posted() ? "posted document " : "draft ")
                                    + (found.get().number() == null ? found.get().id() : found.get().number()))
                            .then(Mono.justOrEmpty(found)));
            return inBc.switchIfEmpty(Mono.defer(() -> document.createDraft(bc, request)))
                    .flatMap(state -> state.posted() ? Mono.just(new Progress(current, state))
                            : postDraft(request, bc, document, current, state));
        }).flatMap(progress -> recordPosted(request, tenant, progress, callsBefore));
    }

    private Mono<Progress> postDraft(PostingRequest request, BcClient bc, LedgerDocument document, PostingRecord record,
                                     BcDocumentState draft) {
        return moveTo(record, PostingState.DRAFT_CREATED, u -> u.bcDocumentId(draft.id()).bcDocumentNumber(draft.number()))
                .flatMap(drafted -> audit.record(AuditEntry.of(drafted, AuditStep.DRAFT_CREATED, "draft "
                                + request.getDocumentKind() + " with " + request.getLines().size() + " lines, total "
                                + request.getTotalAmount()).with(AuditEntry.BC_DOCUMENT_ID, String.valueOf(draft.id())))
                        .then(note(drafted, AuditStep.POST_REQUESTED, "Microsoft.NAV.post"))
                        .then(Mono.defer(() -> document.post(bc, request, draft)))
                        .map(posted -> new Progress(drafted, posted)));
    }

    private Mono<PostingResult> recordPosted(PostingRequest request, Tenant tenant, Progress progress, long callsBefore) {
        PostingRecord record = progress.record();
        BcDocumentState state = progress.state();
        // A journal found posted by its G/L entries has no BC id of its own: keep the batch id recorded at draft time.
        BcDocumentState posted = state.id() != null || record.bcDocumentId() == null ? state
                : BcDocumentState.posted(record.bcDocumentId(), state.number());
        return moveTo(record, PostingState.POSTED, u -> u.bcDocumentId(posted.id()).bcDocumentNumber(posted.number())
                .clearLastError()).flatMap(stored -> {
            AuditEntry postedEntry = AuditEntry.of(stored, AuditStep.POSTED, "posted to BC as "
                    + request.getDocumentKind() + (posted.number() == null ? "" : " " + posted.number()) + ", total "
                    + request.getTotalAmount());
            if (posted.id() != null) {
                postedEntry = postedEntry.with(AuditEntry.BC_DOCUMENT_ID, posted.id());
            }
            if (posted.number() != null) {
                postedEntry = postedEntry.with(AuditEntry.BC_DOCUMENT_NUMBER, posted.number());
            }
            return audit.record(postedEntry);
        }).then(Mono.fromSupplier(() -> {
            log.info("posted {} {} as {} {}", request.getSourceType(), request.getSourceId(), request.getDocumentKind(),
                    request.getPostingKey());
            return result(request, PostingOutcome.POSTED, posted.id(), posted.number(), null,
                    bcCallCount.applyAsLong(tenant.id()) - callsBefore);
        }));
    }

    private Mono<PostingResult> onBcError(PostingRequest request, Tenant tenant, BcApiException e, long callsBefore) {
        String message = "BC " + e.status() + " " + e.code() + ": " + e.bcMessage();
        return current(request).flatMap(record -> {
            AuditEntry entry = AuditEntry.of(record, AuditStep.NOTE, message)
                    .with(AuditEntry.RESPONSE_STATUS, Integer.toString(e.status()))
                    .with(AuditEntry.ERROR_CODE, String.valueOf(e.code()));
            if (e.correlationId() != null) {
                entry = entry.with(AuditEntry.BC_CORRELATION_ID, e.correlationId());
            }
            return audit.record(entry).then(Mono.defer(() -> switch (PostingFailurePolicy.decide(e.kind())) {
                case PARK -> fail(record, PostingState.PARKED, message)
                        .map(parked -> finish(request, parked, PostingOutcome.PARKED, message, callsBefore, tenant));
                case FAIL -> fail(record, PostingState.FAILED, message)
                        .map(failed -> finish(request, failed, PostingOutcome.FAILED, message, callsBefore, tenant));
                case RETRY -> store.incrementAttempts(request.getPostingKey(), message)
                        .then(audit.record(AuditEntry.of(record, AuditStep.RETRY_SCHEDULED, message)))
                        .then(Mono.<PostingResult>error(new RetryablePostingException(message, e)));
            }));
        });
    }

    /**
     * Marks a posting FAILED once retries are exhausted (called by the Kafka error handler's recoverer); emits the
     * result to publish.
     */
    public Mono<PostingResult> giveUp(PostingRequest request, Throwable cause) {
        return store.find(request.getPostingKey()).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
            PostingRecord record = found.orElse(null);
            if (record != null && record.state() == PostingState.POSTED) {
                // Posted, then something after it failed (e.g. publishing the result): the ledger is right, say so.
                return Mono.just(result(request, PostingOutcome.ALREADY_POSTED, record.bcDocumentId(),
                        record.bcDocumentNumber(), "already posted", 0));
            }
            String message = "gave up after retries: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
            Mono<PostingRecord> failed = record == null ? Mono.empty() : fail(record, PostingState.FAILED, message);
            return failed.then(Mono.fromSupplier(() -> result(request, PostingOutcome.FAILED, null, null, message, 0)));
        }).doOnNext(outcomes);
    }

    private Mono<PostingRecord> current(PostingRequest request) {
        return store.find(request.getPostingKey()).switchIfEmpty(Mono.error(() -> new java.util.NoSuchElementException(
                "posting " + request.getPostingKey() + " is no longer in the store")));
    }

    private Mono<PostingRecord> postedUnderAnotherRevision(PostingRequest request) {
        return store.findBySource(request.getTenantId(), request.getSourceType().name(), request.getSourceId())
                .filter(r -> r.state() == PostingState.POSTED)
                .filter(r -> !r.postingKey().equals(request.getPostingKey()))
                .next();
    }

    private Mono<PostingRecord> moveTo(PostingRecord record, PostingState next,
                                       Consumer<io.mlconnector.posting.store.PostingUpdate> fields) {
        if (record.state() == next) {
            return Mono.just(record);
        }
        return store.transition(record, next, fields).flatMap(moved -> moved.applied() ? Mono.just(moved.record())
                // Someone else moved it (another consumer after a rebalance): stop, let the redelivery decide.
                : Mono.error(new RetryablePostingException("posting " + record.postingKey() + " moved concurrently to "
                        + moved.current().map(PostingRecord::state).orElse(null), null)));
    }

    private Mono<PostingRecord> fail(PostingRecord record, PostingState state, String why) {
        if (record.state() == state || !record.state().canTransitionTo(state)) {
            return Mono.just(record);
        }
        return store.transition(record, state, u -> u.lastError(why)).flatMap(moved -> {
            PostingRecord now = moved.current().orElse(record);
            return audit.record(AuditEntry.of(now, state == PostingState.PARKED ? AuditStep.PARKED : AuditStep.FAILED, why))
                    .thenReturn(now);
        });
    }

    private Mono<Void> note(PostingRecord record, AuditStep step, String summary) {
        return audit.record(AuditEntry.of(record, step, summary)).then();
    }

    private PostingResult finish(PostingRequest request, PostingRecord record, PostingOutcome outcome, String message,
                                 long callsBefore, Tenant tenant) {
        long calls = tenant == null ? 0 : bcCallCount.applyAsLong(tenant.id()) - callsBefore;
        return result(request, outcome, record.bcDocumentId(), record.bcDocumentNumber(), message, calls);
    }

    private PostingResult result(PostingRequest request, PostingOutcome outcome, String bcId, String bcNumber,
                                 String message, long calls) {
        return PostingResult.newBuilder()
                .setTenantId(request.getTenantId())
                .setPostingKey(request.getPostingKey())
                .setSourceType(request.getSourceType())
                .setSourceId(request.getSourceId())
                .setContentRevision(request.getContentRevision())
                .setDocumentKind(request.getDocumentKind())
                .setOutcome(outcome)
                .setBcDocumentId(bcId)
                .setBcDocumentNumber(bcNumber)
                .setTotalAmount(request.getTotalAmount())
                .setMessage(message)
                .setBcCalls((int) Math.max(0, calls))
                .setCompletedAt(clock.instant())
                .build();
    }

    private static String shortRevision(String revision) {
        return revision == null || revision.length() <= 12 ? revision : revision.substring(0, 12);
    }
}
