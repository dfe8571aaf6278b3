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
import io.mlconnector.posting.store.TransitionResult;
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
     * @return the result to publish
     * @throws RetryablePostingException when BC should be tried again later
     */
    public PostingResult post(PostingRequest request) {
        PostingResult result = attempt(request);
        outcomes.accept(result);
        return result;
    }

    private PostingResult attempt(PostingRequest request) {
        Tenant tenant = tenants.byId(request.getTenantId()).orElse(null);
        LedgerDocument document = documents.get(request.getDocumentKind());
        PostingRecord record = store.begin(PostingRecord.received(request.getPostingKey(), request.getTenantId(),
                request.getSourceType().name(), request.getSourceId(), request.getContentRevision(),
                request.getDocumentKind().name()));
        long callsBefore = tenant == null ? 0 : bcCallCount.applyAsLong(tenant.id());
        if (record.state() == PostingState.RECEIVED) {
            note(record, AuditStep.RECEIVED, request.getDocumentKind() + " with " + request.getLines().size()
                    + " lines, total " + request.getTotalAmount() + ", revision " + request.getContentRevision());
        }
        if (record.state() == PostingState.POSTED) {
            note(record, AuditStep.REPLAYED, "already posted; nothing sent to BC");
            return result(request, PostingOutcome.ALREADY_POSTED, record.bcDocumentId(), record.bcDocumentNumber(),
                    "already posted", 0);
        }
        if (tenant == null || document == null) {
            String why = tenant == null ? "unknown tenant " + request.getTenantId()
                    : "no BC document strategy for " + request.getDocumentKind();
            return finish(request, fail(record, PostingState.FAILED, why), PostingOutcome.FAILED, why, callsBefore, tenant);
        }
        Optional<PostingRecord> postedEarlier = postedUnderAnotherRevision(request);
        if (postedEarlier.isPresent()) {
            PostingRecord earlier = postedEarlier.get();
            String why = "changed in Procore after it was posted: revision " + shortRevision(earlier.contentRevision())
                    + " is posted as BC document " + earlier.bcDocumentNumber() + " (key " + earlier.postingKey()
                    + "); revision " + shortRevision(request.getContentRevision()) + " was not posted again";
            note(record, AuditStep.CHANGED_AFTER_POSTING, why);
            return finish(request, fail(record, PostingState.PARKED, why), PostingOutcome.PARKED, why, callsBefore, tenant);
        }
        BcClient bc = clients.forTenant(tenant);
        try {
            return postToBc(request, tenant, bc, document, record, callsBefore);
        } catch (BcApiException e) {
            return onBcError(request, tenant, e, callsBefore);
        } catch (VendorDocumentNumberTaken e) {
            PostingRecord current = store.find(request.getPostingKey()).orElseThrow();
            return finish(request, fail(current, PostingState.PARKED, e.getMessage()), PostingOutcome.PARKED,
                    e.getMessage(), callsBefore, tenant);
        }
    }

    private PostingResult postToBc(PostingRequest request, Tenant tenant, BcClient bc, LedgerDocument document,
                                   PostingRecord record, long callsBefore) {
        boolean mayBeInBc = record.state() != PostingState.RECEIVED;
        if (record.state() != PostingState.DRAFT_CREATED && record.state() != PostingState.MAPPED) {
            PostingState from = record.state();
            record = moveTo(record, PostingState.MAPPED, u -> u.documentKind(request.getDocumentKind().name()));
            note(record, AuditStep.MAPPED, "recorded before any BC call (was " + from + ")");
        }
        BcDocumentState state = null;
        if (mayBeInBc) {
            state = document.find(bc, request).orElse(null);
            note(record, AuditStep.BC_LOOKUP, state == null ? "BC holds no document of this posting ("
                    + request.getPostingKey() + ")" : "BC already holds this posting's " + (state.posted()
                    ? "posted document " : "draft ") + (state.number() == null ? state.id() : state.number()));
        }
        if (state == null) {
            state = document.createDraft(bc, request);
        }
        if (!state.posted()) {
            BcDocumentState draft = state;
            record = moveTo(record, PostingState.DRAFT_CREATED, u -> u.bcDocumentId(draft.id()).bcDocumentNumber(draft.number()));
            audit.record(AuditEntry.of(record, AuditStep.DRAFT_CREATED, "draft " + request.getDocumentKind()
                    + " with " + request.getLines().size() + " lines, total " + request.getTotalAmount())
                    .with(AuditEntry.BC_DOCUMENT_ID, String.valueOf(draft.id())));
            note(record, AuditStep.POST_REQUESTED, "Microsoft.NAV.post");
            state = document.post(bc, request, draft);
        }
        // A journal found posted by its G/L entries has no BC id of its own: keep the batch id recorded at draft time.
        BcDocumentState posted = state.id() != null || record.bcDocumentId() == null ? state
                : BcDocumentState.posted(record.bcDocumentId(), state.number());
        record = moveTo(record, PostingState.POSTED, u -> u.bcDocumentId(posted.id()).bcDocumentNumber(posted.number())
                .clearLastError());
        AuditEntry postedEntry = AuditEntry.of(record, AuditStep.POSTED, "posted to BC as " + request.getDocumentKind()
                + (posted.number() == null ? "" : " " + posted.number()) + ", total " + request.getTotalAmount());
        if (posted.id() != null) {
            postedEntry = postedEntry.with(AuditEntry.BC_DOCUMENT_ID, posted.id());
        }
        if (posted.number() != null) {
            postedEntry = postedEntry.with(AuditEntry.BC_DOCUMENT_NUMBER, posted.number());
        }
        audit.record(postedEntry);
        log.info("posted {} {} as {} {}", request.getSourceType(), request.getSourceId(), request.getDocumentKind(),
                request.getPostingKey());
        return result(request, PostingOutcome.POSTED, posted.id(), posted.number(), null,
                bcCallCount.applyAsLong(tenant.id()) - callsBefore);
    }

    private PostingResult onBcError(PostingRequest request, Tenant tenant, BcApiException e, long callsBefore) {
        PostingRecord record = store.find(request.getPostingKey()).orElseThrow();
        String message = "BC " + e.status() + " " + e.code() + ": " + e.bcMessage();
        AuditEntry entry = AuditEntry.of(record, AuditStep.NOTE, message)
                .with(AuditEntry.RESPONSE_STATUS, Integer.toString(e.status()))
                .with(AuditEntry.ERROR_CODE, String.valueOf(e.code()));
        if (e.correlationId() != null) {
            entry = entry.with(AuditEntry.BC_CORRELATION_ID, e.correlationId());
        }
        audit.record(entry);
        return switch (PostingFailurePolicy.decide(e.kind())) {
            case PARK -> finish(request, fail(record, PostingState.PARKED, message), PostingOutcome.PARKED, message,
                    callsBefore, tenant);
            case FAIL -> finish(request, fail(record, PostingState.FAILED, message), PostingOutcome.FAILED, message,
                    callsBefore, tenant);
            case RETRY -> {
                store.incrementAttempts(request.getPostingKey(), message);
                audit.record(AuditEntry.of(record, AuditStep.RETRY_SCHEDULED, message));
                throw new RetryablePostingException(message, e);
            }
        };
    }

    /** Marks a posting FAILED once retries are exhausted (called by the Kafka error handler's recoverer). */
    public PostingResult giveUp(PostingRequest request, Throwable cause) {
        PostingRecord record = store.find(request.getPostingKey()).orElse(null);
        if (record != null && record.state() == PostingState.POSTED) {
            // Posted, then something after it failed (e.g. publishing the result): the ledger is right, say so.
            PostingResult posted = result(request, PostingOutcome.ALREADY_POSTED, record.bcDocumentId(),
                    record.bcDocumentNumber(), "already posted", 0);
            outcomes.accept(posted);
            return posted;
        }
        String message = "gave up after retries: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        if (record != null) {
            fail(record, PostingState.FAILED, message);
        }
        PostingResult result = result(request, PostingOutcome.FAILED, null, null, message, 0);
        outcomes.accept(result);
        return result;
    }

    private Optional<PostingRecord> postedUnderAnotherRevision(PostingRequest request) {
        return store.findBySource(request.getTenantId(), request.getSourceType().name(), request.getSourceId()).stream()
                .filter(r -> r.state() == PostingState.POSTED)
                .filter(r -> !r.postingKey().equals(request.getPostingKey()))
                .findFirst();
    }

    private PostingRecord moveTo(PostingRecord record, PostingState next, Consumer<io.mlconnector.posting.store.PostingUpdate> fields) {
        if (record.state() == next) {
            return record;
        }
        TransitionResult moved = store.transition(record, next, fields);
        if (!moved.applied()) {
            // Someone else moved it (another consumer after a rebalance): stop, let the redelivery decide.
            throw new RetryablePostingException("posting " + record.postingKey() + " moved concurrently to "
                    + moved.current().map(PostingRecord::state).orElse(null), null);
        }
        return moved.record();
    }

    private PostingRecord fail(PostingRecord record, PostingState state, String why) {
        if (record.state() == state || !record.state().canTransitionTo(state)) {
            return record;
        }
        TransitionResult moved = store.transition(record, state, u -> u.lastError(why));
        PostingRecord now = moved.current().orElse(record);
        audit.record(AuditEntry.of(now, state == PostingState.PARKED ? AuditStep.PARKED : AuditStep.FAILED, why));
        return now;
    }

    private void note(PostingRecord record, AuditStep step, String summary) {
        audit.record(AuditEntry.of(record, step, summary));
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
