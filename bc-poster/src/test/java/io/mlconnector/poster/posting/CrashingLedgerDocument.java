package io.mlconnector.poster.posting;

import io.mlconnector.bc.BcClient;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingRequest;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The real strategy, with the process dying at one chosen point: the exception stands for the JVM going away, so
 * nothing after it runs (no store write, no result, no offset commit). A hook can also run another posting just
 * before ours posts (two postings sharing a journal batch).
 */
final class CrashingLedgerDocument implements LedgerDocument {

    enum CrashPoint {
        /** MAPPED recorded, BC never called for this draft. */
        BEFORE_CREATE,
        /** BC holds the draft (or the journal lines); our store still says MAPPED. */
        AFTER_CREATE,
        /** BC has posted; our store still says DRAFT_CREATED. */
        AFTER_POST,
        /** Everything done and POSTED stored, but the result was never published nor the offset committed. */
        BEFORE_RECORDING_RESULT,
        NONE
    }

    static final class ProcessDied extends RuntimeException {
        ProcessDied(CrashPoint point) {
            super("bc-poster died at " + point);
        }
    }

    private final LedgerDocument delegate;
    private final CrashPoint crashAt;
    private final Supplier<Mono<?>> beforePost;

    CrashingLedgerDocument(LedgerDocument delegate, CrashPoint crashAt) {
        this(delegate, crashAt, Mono::empty);
    }

    CrashingLedgerDocument(LedgerDocument delegate, CrashPoint crashAt, Supplier<Mono<?>> beforePost) {
        this.delegate = delegate;
        this.crashAt = crashAt;
        this.beforePost = beforePost;
    }

    @Override
    public BcDocumentKind kind() {
        return delegate.kind();
    }

    @Override
    public Mono<BcDocumentState> find(BcClient bc, PostingRequest request) {
        return delegate.find(bc, request);
    }

    @Override
    public Mono<BcDocumentState> createDraft(BcClient bc, PostingRequest request) {
        return Mono.fromRunnable(() -> crashIf(CrashPoint.BEFORE_CREATE))
                .then(Mono.defer(() -> delegate.createDraft(bc, request)))
                .doOnNext(draft -> crashIf(CrashPoint.AFTER_CREATE));
    }

    @Override
    public Mono<BcDocumentState> post(BcClient bc, PostingRequest request, BcDocumentState draft) {
        return Mono.defer(beforePost).then(Mono.defer(() -> delegate.post(bc, request, draft)))
                .doOnNext(posted -> crashIf(CrashPoint.AFTER_POST));
    }

    private void crashIf(CrashPoint point) {
        if (crashAt == point) {
            throw new ProcessDied(point);
        }
    }
}
