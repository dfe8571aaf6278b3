package io.mlconnector.posting.store;

/** A transition the state table does not allow (a programming error, not a race: races give a conflict). */
public final class IllegalPostingTransitionException extends IllegalStateException {

    public IllegalPostingTransitionException(String postingKey, PostingState from, PostingState to) {
        super("posting " + postingKey + ": " + from + " -> " + to + " is not allowed (from " + from + ": "
                + from.allowedNext() + ")");
    }
}
