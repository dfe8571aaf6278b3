package io.mlconnector.posting.store;

/**
 * The same source record and content revision is already stored under a different posting key: the key
 * derivation changed or two callers derive it differently. Refused, because two keys for one revision
 * would let it post twice.
 */
public final class PostingKeyConflictException extends IllegalStateException {

    public PostingKeyConflictException(String message) {
        super(message);
    }
}
