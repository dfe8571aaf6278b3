package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.bc.BcSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business Central throttles (429 with Retry-After) and fails (500/503) in waves, every other second for the first
 * 90 s of the first sync; every document still ends posted exactly once, nothing is left failed or stuck, and the
 * store, BC and offsets agree.
 */
@Tag("reliability")
class BcThrottlingStormIT {

    private static final Duration STORM = Duration.ofSeconds(90);

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();

    @Test
    void wavesOf429And5xxDelayPostingButLoseAndDoubleNothing(@TempDir Path temp) throws Exception {
        Path state = temp.resolve("state");
        LocalOptions options = LocalOptions.parse(List.of("--once", "--state-dir", state.toString()), HOME);
        RunSummary summary;
        long throttled;
        long failed;
        ScheduledExecutorService storm = Executors.newSingleThreadScheduledExecutor();
        try (LocalRun run = LocalRun.start(options, System.out)) {
            BcSandbox bc = run.stack().bc;
            // Waves: for a second BC answers every request with 429, 503 or 500 (in that mix), for the next second
            // it is healthy, for the first STORM of the sync. A wave is time, not a number of failed answers: shots
            // counted per wave would hit whichever client calls first after each wave, so a slow client (one that
            // backs off, or whose breaker is open) would fail for good, which no BC does.
            AtomicLong tick = new AtomicLong();
            storm.scheduleAtFixedRate(() -> {
                bc.clearFaults();
                if (tick.getAndIncrement() % 2 == 0) {
                    for (int i = 0; i < 200; i++) {
                        // failures first: a client that met a 429 waits out Retry-After past the wave
                        bc.failNext(1, 500);
                        bc.failNext(1, 503);
                        bc.failNext(3, 429);
                    }
                }
            }, 0, 1, TimeUnit.SECONDS);
            storm.schedule(() -> {
                storm.shutdownNow();
                bc.clearFaults();
            }, STORM.toMillis(), TimeUnit.MILLISECONDS);
            summary = run.syncOnce();
            storm.shutdownNow();
            throttled = bc.requestLog().stream().filter(r -> r.status() == 429).count();
            failed = bc.requestLog().stream().filter(r -> r.status() >= 500).count();
            System.out.print(summary.toText());
        } finally {
            storm.shutdownNow();
        }
        StateDirAudit.Findings found = StateDirAudit.of(state, HOME);
        System.out.printf("reliability: BC 429/5xx storm answered 429=%d 5xx=%d, posted=%d lost=%d doubled=%d"
                        + " failed=%d (sync %d ms)%n", throttled, failed, found.posted(), found.lost(), found.doubled(),
                summary.failed().size(), summary.durationMillis());
        // each client meets about one failed answer per wave before it backs off: a handful per sync is a hit
        assertThat(throttled + failed).as("the storm hit").isGreaterThanOrEqualTo(5);
        assertThat(failed).as("BC failures (5xx), not only throttling").isPositive();
        assertThat(summary.failed()).as("nothing failed for good").isEmpty();
        assertThat(found.problems()).as("store, BC and offsets agree").isEmpty();
        assertThat(found.posted()).isGreaterThanOrEqualTo(40);
    }
}
