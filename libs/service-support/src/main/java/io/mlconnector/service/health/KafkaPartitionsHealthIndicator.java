package io.mlconnector.service.health;

import io.mlconnector.service.kafka.PartitionStalls;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness: no partition of a must-not-skip topic (cost documents, posting requests) has a head record that keeps
 * failing past the stall bound. DOWN lists each stalled partition, the offset it waits on and the last failure, so an
 * operator sees what to fix; it clears by itself when the record goes through.
 */
public final class KafkaPartitionsHealthIndicator implements HealthIndicator {

    private final PartitionStalls stalls;

    public KafkaPartitionsHealthIndicator(PartitionStalls stalls) {
        this.stalls = stalls;
    }

    @Override
    public Health health() {
        List<PartitionStalls.Stall> stalled = stalls.stalled();
        if (stalled.isEmpty()) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("reason", stalled.size() + " partition(s) have retried one record for longer than "
                        + stalls.stallAfter() + ": fix the cause below, the record then goes through by itself")
                .withDetail("stalled", stalled.stream().map(s -> java.util.Map.of(
                        "topic", s.topic(), "partition", s.partition(), "offset", s.offset(),
                        "since", s.since().toString(), "attempts", s.attempts(),
                        "lastFailure", String.valueOf(s.lastFailure()))).toList())
                .build();
    }
}
