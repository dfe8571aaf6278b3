package io.mlconnector.procore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Spends the rate-limit budget so that it lasts until the window resets (Procore developer documentation, "Rate
 * Limiting": the X-Rate-Limit-* headers describe whichever window is closest to exhaustion; Procore says to trust
 * them, not hard-coded numbers). Written by hand because resilience4j's RateLimiter counts against a configured
 * number; it cannot take the remaining count and reset time the server reports on each answer. While plenty is left, calls go at once; below {@code reserve} of the limit, the rest is
 * spread evenly over the time to reset; with nothing left, callers wait for the reset plus jitter.
 * Shared by all callers of one client (one client = one company = one budget).
 */
final class RateLimitPacer {

    private final Clock clock;
    private final double reserveFraction;
    private final LongSupplier jitterMillis;

    private int limit = -1;        // guarded by this; -1 = nothing observed yet
    private int remaining = -1;    // our estimate, decremented per call sent
    private Instant reset;         // null = unknown (before the first answer, or once a window has passed)
    private Instant nextSlot = Instant.EPOCH;

    RateLimitPacer(Clock clock, double reserveFraction, Duration jitterMax) {
        this.clock = clock;
        this.reserveFraction = reserveFraction;
        long max = Math.max(0, jitterMax.toMillis());
        this.jitterMillis = () -> max == 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    /** Takes in the headers of any answer (429s included). */
    synchronized void observe(int limit, int remaining, long resetEpochSeconds) {
        Instant newReset = Instant.ofEpochSecond(resetEpochSeconds);
        if (reset == null || !newReset.equals(reset) || limit != this.limit) {
            this.reset = newReset;
            this.remaining = remaining;
            this.limit = limit;
            this.nextSlot = Instant.EPOCH;
        } else {
            // answers arrive out of order under concurrency; the smaller count is the safer one
            this.remaining = Math.min(this.remaining, remaining);
        }
    }

    /** Reserves a slot for one call and says how long to wait before sending it. */
    synchronized Duration reserve() {
        Instant now = clock.instant();
        if (reset == null) {
            return Duration.ZERO;
        }
        if (!now.isBefore(reset)) {
            reset = null; // the window is over: the next answer tells us about the new one
            return Duration.ZERO;
        }
        int reserve = Math.max(1, (int) Math.ceil(limit * reserveFraction));
        if (remaining > reserve) {
            remaining--;
            return Duration.ZERO;
        }
        if (remaining <= 0) {
            return Duration.between(now, reset).plusMillis(jitterMillis.getAsLong());
        }
        Duration spacing = Duration.between(now, reset).dividedBy(remaining);
        Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
        nextSlot = slot.plus(spacing);
        remaining--;
        return Duration.between(now, slot);
    }

    Duration jitter() {
        return Duration.ofMillis(jitterMillis.getAsLong());
    }
}
