package io.mlconnector.mapping.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.SourceType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the idempotency key that BC stores (uppercased, Code[35]) and the poster looks up. */
class PostingKeysTest {

    @Test
    void sameRecordAndRevisionAlwaysGiveTheSameKey() {
        String first = PostingKeys.of("harbor-ridge", SourceType.REQUISITION, "9000123", "rev-a1b2");
        String again = PostingKeys.of("harbor-ridge", SourceType.REQUISITION, "9000123", "rev-a1b2");
        assertThat(first).isEqualTo(again).matches("RQ-9000123-[0-9A-F]{8}");
    }

    @Test
    void keySurvivesBcUppercasingAndFitsCode35() {
        for (SourceType type : SourceType.values()) {
            String key = PostingKeys.of("Harbor-Ridge", type, "9223372036854775807", "some revision hash");
            assertThat(key).hasSizeLessThanOrEqualTo(35).isEqualTo(key.toUpperCase().trim()).matches("[A-Z0-9-]+");
        }
    }

    @Test
    void revisionTenantAndTypeChangeTheKey() {
        Set<String> keys = new HashSet<>();
        keys.add(PostingKeys.of("harbor-ridge", SourceType.DIRECT_COST, "42", "r1"));
        keys.add(PostingKeys.of("harbor-ridge", SourceType.DIRECT_COST, "42", "r2"));
        keys.add(PostingKeys.of("other-gc", SourceType.DIRECT_COST, "42", "r1"));
        keys.add(PostingKeys.of("harbor-ridge", SourceType.REQUISITION, "42", "r1"));
        keys.add(PostingKeys.of("harbor-ridge", SourceType.PURCHASE_ORDER_CONTRACT, "42", "r1"));
        assertThat(keys).hasSize(5);
    }

    @Test
    void nonNumericOrLongIdsAreHashedDeterministicallyWithinTheLimit() {
        String weird = PostingKeys.of("t", SourceType.PRIME_CHANGE_ORDER, "co/12 ä very-long-identifier-from-elsewhere", "r");
        assertThat(weird).hasSizeLessThanOrEqualTo(35).matches("PC-H[0-9A-F]{16}-[0-9A-F]{8}")
                .isEqualTo(PostingKeys.of("t", SourceType.PRIME_CHANGE_ORDER, "co/12 ä very-long-identifier-from-elsewhere", "r"));
        assertThat(PostingKeys.of("t", SourceType.WORK_ORDER_CONTRACT, "abc123", "r")).startsWith("WO-ABC123-");
    }

    @Test
    void manyRevisionsOfOneRecordDoNotCollide() {
        Set<String> keys = new HashSet<>();
        for (int revision = 0; revision < 2_000; revision++) {
            keys.add(PostingKeys.of("harbor-ridge", SourceType.REQUISITION, "9000123", "rev-" + revision));
        }
        assertThat(keys).hasSize(2_000);
    }
}
