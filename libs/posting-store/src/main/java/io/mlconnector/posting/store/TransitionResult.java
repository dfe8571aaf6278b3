package io.mlconnector.posting.store;

import java.util.Optional;

/**
 * The outcome of a compare-and-set transition. {@code CONFLICT} means another worker moved the posting first
 * (the current record is attached); {@code NOT_FOUND} means there is no posting with that key.
 */
public record TransitionResult(Outcome outcome, PostingRecord record) {

    public enum Outcome { APPLIED, CONFLICT, NOT_FOUND }

    static TransitionResult applied(PostingRecord record) {
        return new TransitionResult(Outcome.APPLIED, record);
    }

    static TransitionResult conflict(PostingRecord current) {
        return new TransitionResult(Outcome.CONFLICT, current);
    }

    static TransitionResult notFound() {
        return new TransitionResult(Outcome.NOT_FOUND, null);
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }

    /** The updated record when applied, the record as another worker left it on conflict. */
    public Optional<PostingRecord> current() {
        return Optional.ofNullable(record);
    }
}
