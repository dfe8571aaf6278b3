package io.mlconnector.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A must-not-skip partition is stalled while its head record is in hand longer than the bound, and clears after. */
class PartitionStallsTest {

    private Instant now = Instant.parse("2026-12-05T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final PartitionStalls stalls = new PartitionStalls(Set.of("bc.posting-requests"), Duration.ofMinutes(5),
            clock, null);

    @Test
    void retriedPastTheBoundIsStalledUntilItSucceeds() {
        ConsumerRecord<Object, Object> head = new ConsumerRecord<>("bc.posting-requests", 2, 41, null, null);
        for (int attempt = 1; attempt <= 4; attempt++) {
            stalls.intercept(head, null);
            stalls.failure(head, new IllegalStateException("BC 503"), null);
            now = now.plus(Duration.ofMinutes(2));
        }
        assertThat(stalls.attempts(head)).isEqualTo(4);
        assertThat(stalls.stalled()).singleElement().satisfies(s -> {
            assertThat(s.partition()).isEqualTo(2);
            assertThat(s.offset()).isEqualTo(41);
            assertThat(s.lastFailure()).isEqualTo("BC 503");
        });

        stalls.intercept(head, null);
        stalls.success(head, null);
        assertThat(stalls.stalled()).isEmpty();
    }

    @Test
    void reDerivableTopicsAndMovedAsideRecordsNeverStall() {
        ConsumerRecord<Object, Object> event = new ConsumerRecord<>("procore.webhook-events", 0, 7, null, null);
        stalls.intercept(event, null);
        stalls.failure(event, new IllegalStateException("Procore 503"), null);
        ConsumerRecord<Object, Object> request = new ConsumerRecord<>("bc.posting-requests", 0, 3, null, null);
        stalls.intercept(request, null);
        stalls.failure(request, new IllegalStateException("x"), null);
        stalls.movedAside(request);
        now = now.plus(Duration.ofHours(1));
        assertThat(stalls.stalled()).isEmpty();
    }
}
