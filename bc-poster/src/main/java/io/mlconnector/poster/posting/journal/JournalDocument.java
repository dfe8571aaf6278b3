package io.mlconnector.poster.posting.journal;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcJournal;
import io.mlconnector.bc.BcJournalLine;
import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.bc.JournalLineDraft;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.poster.posting.BcDocumentState;
import io.mlconnector.poster.posting.LedgerDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * General journal lines in the connector's own journal batch (default {@code PROCORE}). The posting key goes
 * into each line's External Document No. (Code[35]) and, shortened to fit, its Document No. (Code[20]), which
 * is what posted G/L entries keep (v2.0 generalLedgerEntries have documentNumber but no external number).
 * Lines are written in one transactional {@code $batch} (lines and their dimensions together), then the batch
 * is posted. Posting a batch posts every line in it, so a second poster that finds its lines already gone
 * checks the G/L entries before reporting anything.
 */
public final class JournalDocument implements LedgerDocument {

    static final int DOCUMENT_NUMBER_LENGTH = 20;

    private final String defaultJournalCode;
    private final java.util.Map<String, BcJournal> journals = new java.util.concurrent.ConcurrentHashMap<>();
    private final Duration timeout;

    public JournalDocument(String defaultJournalCode, Duration timeout) {
        this.defaultJournalCode = defaultJournalCode;
        this.timeout = timeout;
    }

    @Override
    public BcDocumentKind kind() {
        return BcDocumentKind.GENERAL_JOURNAL;
    }

    @Override
    public Mono<BcDocumentState> find(BcClient bc, PostingRequest request) {
        String documentNumber = documentNumber(request.getPostingKey());
        return hasGeneralLedgerEntries(bc, documentNumber).flatMap(posted -> posted
                ? Mono.just(BcDocumentState.posted(null, documentNumber))
                : journal(bc, request).flatMap(journal -> Flux.defer(() -> bc.journalLines(journal.id(),
                                request.getPostingKey())).collectList().timeout(timeout)
                        .flatMap(waiting -> waiting.isEmpty() ? Mono.empty()
                                : Mono.just(BcDocumentState.draft(journal.id().toString(), documentNumber)))));
    }

    @Override
    public Mono<BcDocumentState> createDraft(BcClient bc, PostingRequest request) {
        String documentNumber = documentNumber(request.getPostingKey());
        return journal(bc, request).flatMap(journal -> {
            List<JournalLineDraft> lines = request.getLines().stream()
                    .map(line -> line(request, documentNumber, line)).toList();
            return Mono.defer(() -> bc.addJournalLines(journal.id(), lines)).timeout(timeout)
                    .doOnError(BcApiException.class, this::forgetJournalIfGone)
                    .thenReturn(BcDocumentState.draft(journal.id().toString(), documentNumber));
        });
    }

    @Override
    public Mono<BcDocumentState> post(BcClient bc, PostingRequest request, BcDocumentState draft) {
        java.util.UUID journalId = java.util.UUID.fromString(draft.id());
        Mono<BcDocumentState> post = Mono.defer(() -> bc.postJournal(journalId)).timeout(timeout)
                .thenReturn(BcDocumentState.posted(draft.id(), draft.number()))
                // Posting a batch posts every line in it, so another posting's batch post may have taken ours
                // along; BC then answers "There is nothing to post." Our G/L entries decide.
                .onErrorResume(BcApiException.class, e -> hasGeneralLedgerEntries(bc, draft.number()).flatMap(posted -> {
                    if (posted) {
                        return Mono.just(BcDocumentState.posted(draft.id(), draft.number()));
                    }
                    // BC refused the batch for a business reason (closed period...). Our lines would make every
                    // later post of the shared batch fail too: take them out; a replay once the cause is fixed
                    // re-creates them.
                    Mono<Void> withdraw = e.kind() == io.mlconnector.bc.FailureKind.BUSINESS_RULE
                            ? withdrawLines(bc, request, draft) : Mono.empty();
                    return withdraw.then(Mono.error(e));
                }));
        return sweepBatch(bc, request, journalId).then(post);
    }

    /**
     * Posting a batch posts every line in it, so before posting, the batch is made to hold nothing that would post
     * twice. A request of a dead attempt can still be run by BC after the next attempt looked (BC runs requests for
     * minutes under load): its lines $batch would leave a second set of lines under a key. So, in one read of the
     * batch: under our key, one set of lines is kept (the lowest line numbers: BC numbers lines in insert order);
     * under another key whose document is already in the G/L, every line is a late duplicate and is taken out;
     * lines of other postings still in flight are left for this post to take along (their owner then finds its
     * G/L entries). Costs one GET per journal posting; a G/L check only for foreign keys, which are rare.
     */
    private Mono<Void> sweepBatch(BcClient bc, PostingRequest request, java.util.UUID journalId) {
        String ourKey = request.getPostingKey().toUpperCase(java.util.Locale.ROOT);
        return Flux.defer(() -> bc.journalLines(journalId, null)).collectList().timeout(timeout)
                .flatMapMany(all -> Flux.fromIterable(all.stream().collect(java.util.stream.Collectors.groupingBy(
                        l -> String.valueOf(l.externalDocumentNumber()).toUpperCase(java.util.Locale.ROOT),
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())).entrySet()))
                .concatMap(byKey -> {
                    List<BcJournalLine> lines = byKey.getValue();
                    if (byKey.getKey().equals(ourKey)) {
                        return Flux.fromStream(lines.stream()
                                .sorted(java.util.Comparator.comparingInt(BcJournalLine::lineNumber))
                                .skip(request.getLines().size()).map(BcJournalLine::id));
                    }
                    return hasGeneralLedgerEntries(bc, lines.get(0).documentNumber()).flatMapMany(posted -> posted
                            ? Flux.fromIterable(lines).map(BcJournalLine::id) : Flux.empty());
                })
                .collectList()
                .flatMap(surplus -> Mono.defer(() -> bc.deleteJournalLines(journalId, surplus)).timeout(timeout));
    }

    private Mono<Void> withdrawLines(BcClient bc, PostingRequest request, BcDocumentState draft) {
        java.util.UUID journalId = java.util.UUID.fromString(draft.id());
        return Flux.defer(() -> bc.journalLines(journalId, request.getPostingKey())).map(BcJournalLine::id)
                .collectList().timeout(timeout)
                .flatMap(mine -> Mono.defer(() -> bc.deleteJournalLines(journalId, mine)).timeout(timeout));
    }

    private Mono<Boolean> hasGeneralLedgerEntries(BcClient bc, String documentNumber) {
        return Mono.defer(() -> bc.hasGeneralLedgerEntries(documentNumber)).timeout(timeout)
                .map(Boolean.TRUE::equals).defaultIfEmpty(false);
    }

    /**
     * The journal batch, looked up once per company and code: a batch's id does not change, and the lookup would
     * otherwise be a third request per journal posting. Forgotten when BC says it is gone (deleted and re-created).
     */
    private Mono<BcJournal> journal(BcClient bc, PostingRequest request) {
        String code = request.getJournalCode() != null ? request.getJournalCode() : defaultJournalCode;
        String key = bc.connection().apiRoot() + "|" + bc.connection().companyId() + "|" + code.toUpperCase(java.util.Locale.ROOT);
        return Mono.defer(() -> {
            BcJournal cached = journals.get(key);
            if (cached != null) {
                return Mono.just(cached);
            }
            return Mono.defer(() -> bc.journal(code)).timeout(timeout)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("BC has no journal batch '" + code
                            + "' in the default general journal template; create it in BC (General Journals) first")))
                    .doOnNext(journal -> journals.put(key, journal));
        });
    }

    private void forgetJournalIfGone(BcApiException e) {
        if (e.kind() == io.mlconnector.bc.FailureKind.NOT_FOUND) {
            journals.clear();
        }
    }

    private static JournalLineDraft line(PostingRequest request, String documentNumber, PostingLine line) {
        List<DimensionAssignment> dimensions = line.getDimensions().stream()
                .map(d -> new DimensionAssignment(d.getDimensionCode(), d.getValueCode())).toList();
        return new JournalLineDraft(line.getAccountNumber(), request.getPostingDate(), documentNumber,
                request.getPostingKey(), line.getAmount(), truncate(line.getDescription(), 100),
                line.getBalancingAccountNumber(), dimensions);
    }

    /** The key itself when it fits Document No. (Code[20]); otherwise a stable 20-character digest of it. */
    static String documentNumber(String postingKey) {
        if (postingKey.length() <= DOCUMENT_NUMBER_LENGTH) {
            return postingKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(postingKey.getBytes(StandardCharsets.UTF_8));
            return "PK" + HexFormat.of().withUpperCase().formatHex(digest).substring(0, DOCUMENT_NUMBER_LENGTH - 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
