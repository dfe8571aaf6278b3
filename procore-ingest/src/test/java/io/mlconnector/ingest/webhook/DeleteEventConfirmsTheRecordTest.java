package io.mlconnector.ingest.webhook;

import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.SourceType;
import org.junit.jupiter.api.Test;

/**
 * A {@code delete} event naming a record is handled as that record's deletion (confirm and publish it as deleted),
 * not as an incremental re-read, which cannot see a record that no longer exists on lists without
 * {@code filters[include_deleted]}. A line's delete still re-reads its document type.
 */
@ExtendWith(NoBlockingCalls.class)
class DeleteEventConfirmsTheRecordTest {

    @Test
    void deleteOfARecordIsADeletionOfThatRecord() {
        assertThat(WebhookTriggers.of("Direct Costs", "delete")).get().satisfies(t -> {
            assertThat(t.type()).isEqualTo(SourceType.DIRECT_COST);
            assertThat(t.deletion()).isTrue();
        });
        assertThat(WebhookTriggers.of("Prime Change Orders", "delete")).get()
                .satisfies(t -> assertThat(t.deletion()).isTrue());
        assertThat(WebhookTriggers.of("Direct Costs", "update")).get()
                .satisfies(t -> assertThat(t.deletion()).isFalse());
    }

    @Test
    void deleteOfALineReReadsTheDocumentType() {
        assertThat(WebhookTriggers.of("Direct Cost Line Items", "delete")).get().satisfies(t -> {
            assertThat(t.deletion()).isFalse();
            assertThat(t.recordItself()).isFalse();
        });
    }
}
