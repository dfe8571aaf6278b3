package io.mlconnector.posting.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one posting (one idempotency key) stands. The allowed moves are the table in {@link #NEXT}:
 * <pre>
 *   RECEIVED      -> MAPPED | PARKED | FAILED
 *   MAPPED        -> DRAFT_CREATED | POSTED | PARKED | FAILED   (POSTED directly: journal lines, or BC already
 *                                                                holds a posted document with this key)
 *   DRAFT_CREATED -> POSTED | PARKED | FAILED
 *   PARKED        -> RECEIVED | MAPPED                          (re-driven after a person fixed the cause)
 *   FAILED        -> RECEIVED | MAPPED                          (replayed by an operator)
 *   POSTED        -> (final: a later change in Procore is a new content revision, hence a new key)
 * </pre>
 */
public enum PostingState {
    RECEIVED, MAPPED, DRAFT_CREATED, POSTED, PARKED, FAILED;

    private static final Map<PostingState, Set<PostingState>> NEXT = table();

    private static Map<PostingState, Set<PostingState>> table() {
        Map<PostingState, Set<PostingState>> next = new EnumMap<>(PostingState.class);
        next.put(RECEIVED, EnumSet.of(MAPPED, PARKED, FAILED));
        next.put(MAPPED, EnumSet.of(DRAFT_CREATED, POSTED, PARKED, FAILED));
        next.put(DRAFT_CREATED, EnumSet.of(POSTED, PARKED, FAILED));
        next.put(PARKED, EnumSet.of(RECEIVED, MAPPED));
        next.put(FAILED, EnumSet.of(RECEIVED, MAPPED));
        next.put(POSTED, EnumSet.noneOf(PostingState.class));
        next.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
        return Collections.unmodifiableMap(next);
    }

    public Set<PostingState> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canTransitionTo(PostingState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Needs a person (PARKED) or an operator (FAILED) before it moves again. */
    public boolean needsAttention() {
        return this == PARKED || this == FAILED;
    }
}
