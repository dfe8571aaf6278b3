package io.mlconnector.service.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;

/**
 * A check's last answer, reused for {@code cacheFor}: probes (and Prometheus scrapes of health) can come every few
 * seconds from several places, and the check itself may wait up to its timeout when the dependency is gone.
 */
final class CachedHealth {

    private final Supplier<Health> check;
    private final Duration cacheFor;
    private final Clock clock;
    private Health last;
    private Instant checkedAt;

    CachedHealth(Supplier<Health> check, Duration cacheFor, Clock clock) {
        this.check = check;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    synchronized Health get() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(cacheFor))) {
            last = check.get();
            checkedAt = clock.instant();
        }
        return last;
    }
}
