package io.mlconnector.local.snapshot;

import io.mlconnector.bc.BcCall;
import io.mlconnector.procore.ApiCall;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a snapshot shows on the terminal while it reads: what is being read, how many records so far, and the calls
 * made to each API (including the answers that asked it to slow down). Long reads report at most every few seconds.
 */
final class Progress {

    private static final Duration TICK = Duration.ofSeconds(3);

    private final PrintStream out;
    private final Clock clock;
    private final Instant started;
    private final AtomicLong procoreCalls = new AtomicLong();
    private final AtomicLong bcCalls = new AtomicLong();
    private final AtomicLong slowedDown = new AtomicLong();
    private volatile Instant lastTick;

    Progress(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.instant();
        this.lastTick = started;
    }

    void onProcoreCall(ApiCall call) {
        procoreCalls.incrementAndGet();
        if (call.status() == 429) {
            slowedDown.incrementAndGet();
        }
    }

    void onBcCall(BcCall call) {
        bcCalls.incrementAndGet();
        if (call.status() == 429 || call.status() == 503) {
            slowedDown.incrementAndGet();
        }
    }

    long procoreCalls() {
        return procoreCalls.get();
    }

    long bcCalls() {
        return bcCalls.get();
    }

    long slowedDown() {
        return slowedDown.get();
    }

    Duration elapsed() {
        return Duration.between(started, clock.instant());
    }

    void line(String text) {
        out.println(text);
        lastTick = clock.instant();
    }

    /** A finished read: its count and the calls so far. */
    void read(String what, long count) {
        line(String.format("  %-42s %6d   (calls so far: Procore %d, Business Central %d)", what, count,
                procoreCalls.get(), bcCalls.get()));
    }

    /** One more record of a long read; a line now and then so a big company does not look stuck. */
    void tick(String what, long soFar) {
        Instant now = clock.instant();
        if (Duration.between(lastTick, now).compareTo(TICK) >= 0) {
            lastTick = now;
            out.println(String.format("  ... %s: %d so far (calls so far: Procore %d, Business Central %d%s)", what,
                    soFar, procoreCalls.get(), bcCalls.get(),
                    slowedDown.get() == 0 ? "" : "; asked to slow down " + slowedDown.get() + " times, waited"));
        }
    }
}
