package io.mlconnector.posting.store;

import static io.mlconnector.posting.store.PostingState.DRAFT_CREATED;
import static io.mlconnector.posting.store.PostingState.FAILED;
import static io.mlconnector.posting.store.PostingState.MAPPED;
import static io.mlconnector.posting.store.PostingState.PARKED;
import static io.mlconnector.posting.store.PostingState.POSTED;
import static io.mlconnector.posting.store.PostingState.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IllegalPostingTransitionRefusedTest {

    private static final Map<PostingState, Set<PostingState>> EXPECTED = Map.of(
            RECEIVED, EnumSet.of(MAPPED, PARKED, FAILED),
            MAPPED, EnumSet.of(DRAFT_CREATED, POSTED, PARKED, FAILED),
            DRAFT_CREATED, EnumSet.of(POSTED, PARKED, FAILED),
            PARKED, EnumSet.of(RECEIVED, MAPPED),
            FAILED, EnumSet.of(RECEIVED, MAPPED),
            POSTED, EnumSet.noneOf(PostingState.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
        for (PostingState from : PostingState.values()) {
            for (PostingState to : PostingState.values()) {
                assertThat(from.canTransitionTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void postedIsFinalAndNothingTransitionsToItself() {
        assertThat(POSTED.isFinal()).isTrue();
        assertThat(EnumSet.allOf(PostingState.class)).allSatisfy(s -> assertThat(s.canTransitionTo(s)).isFalse());
        assertThat(RECEIVED.canTransitionTo(POSTED)).as("cannot skip mapping").isFalse();
        assertThat(RECEIVED.canTransitionTo(DRAFT_CREATED)).isFalse();
    }
}
