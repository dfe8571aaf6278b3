package io.mlconnector.sandbox.procore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Procore's two limits (Procore docs: rate-limiting): an hourly and a 10-second spike window, counted per
 * (client, company). Windows are fixed and aligned to multiples of their length since the epoch, so the
 * reset instant is a whole second for whole-second windows. The headers describe whichever window has
 * fewer requests left ("closest to exhaustion"). Rejected requests do not consume budget.
 */
final class RateLimiter {

    /** What the X-Rate-Limit-* headers say, and whether the request may proceed. */
    record Verdict(boolean allowed, int limit, int remaining, Instant reset) {
        long resetEpochSeconds() {
            // round up: a client that waits until this second must find the window already reset
            long seconds = reset.getEpochSecond();
            return reset.getNano() > 0 ? seconds + 1 : seconds;
        }
    }

    private static final class Window {
        long index = Long.MIN_VALUE;
        int used;
    }

    private static final class Budget {
        final Window hourly = new Window();
        final Window spike = new Window();
    }

    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int hourlyLimit;
    private final Duration hourlyWindow;
    private final int spikeLimit;
    private final Duration spikeWindow;

    RateLimiter(Clock clock, int hourlyLimit, Duration hourlyWindow, int spikeLimit, Duration spikeWindow) {
        this.clock = clock;
        this.hourlyLimit = hourlyLimit;
        this.hourlyWindow = hourlyWindow;
        this.spikeLimit = spikeLimit;
        this.spikeWindow = spikeWindow;
    }

    Verdict acquire(String clientId, String companyId) {
        Budget budget = budgets.computeIfAbsent(clientId + "|" + companyId, k -> new Budget());
        Instant now = clock.instant();
        synchronized (budget) {
            Instant hourlyReset = roll(budget.hourly, hourlyWindow, now);
            Instant spikeReset = roll(budget.spike, spikeWindow, now);
            boolean allowed = budget.hourly.used < hourlyLimit && budget.spike.used < spikeLimit;
            if (allowed) {
                budget.hourly.used++;
                budget.spike.used++;
            }
            int hourlyLeft = Math.max(0, hourlyLimit - budget.hourly.used);
            int spikeLeft = Math.max(0, spikeLimit - budget.spike.used);
            // on a tie describe the window that resets later: waiting for it is the only wait that is surely enough
            boolean spikeCloser = spikeLeft < hourlyLeft || (spikeLeft == hourlyLeft && spikeReset.isAfter(hourlyReset));
            if (!allowed) {
                // describe the window that actually refused the request
                spikeCloser = budget.spike.used >= spikeLimit && !(budget.hourly.used >= hourlyLimit);
            }
            return spikeCloser
                    ? new Verdict(allowed, spikeLimit, spikeLeft, spikeReset)
                    : new Verdict(allowed, hourlyLimit, hourlyLeft, hourlyReset);
        }
    }

    /** Headers for a response that is not counted (for example an injected fault). */
    Verdict peek(String clientId, String companyId) {
        Budget budget = budgets.computeIfAbsent(clientId + "|" + companyId, k -> new Budget());
        Instant now = clock.instant();
        synchronized (budget) {
            Instant spikeReset = roll(budget.spike, spikeWindow, now);
            return new Verdict(true, spikeLimit, Math.max(0, spikeLimit - budget.spike.used), spikeReset);
        }
    }

    private static Instant roll(Window window, Duration length, Instant now) {
        long lengthMillis = length.toMillis();
        long index = Math.floorDiv(now.toEpochMilli(), lengthMillis);
        if (index != window.index) {
            window.index = index;
            window.used = 0;
        }
        return Instant.ofEpochMilli((index + 1) * lengthMillis);
    }
}
