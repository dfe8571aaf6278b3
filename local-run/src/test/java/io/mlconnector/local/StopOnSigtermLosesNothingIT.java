package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C / SIGTERM in the middle of a sync stops the continuous local run in order — in-flight records finished,
 * services closed, both sandboxes' state saved, the broker child stopped — within a bound; the same command with
 * {@code --once} on the same state folder then finishes the sync, posts nothing twice, and BC holds every document
 * the store calls POSTED.
 */
@Tag("reliability")
class StopOnSigtermLosesNothingIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "stop-on-sigterm").toAbsolutePath();

    @Test
    void sigtermMidSyncStopsCleanlyAndTheRestartPostsNothingTwice(@TempDir Path temp) throws Exception {
        Path state = temp.resolve("state");
        List<ProcessHandle> tree;
        long stopMillis;
        try (LocalRunProcess run = LocalRunProcess.start(LOGS.resolve("continuous.log"), "--state-dir", state.toString())) {
            run.awaitOutput(Pattern.compile("syncing every project"), Duration.ofMinutes(3));
            // mid-sync: some documents posted, others in flight
            assertThat(run.awaitPostings(10, Duration.ofMinutes(2))).as("the sync posts").isTrue();
            tree = run.tree();
            assertThat(tree).as("the launcher and its broker child").hasSizeGreaterThanOrEqualTo(2);
            long started = System.nanoTime();
            run.terminate(Duration.ofSeconds(90));
            stopMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(run.output()).contains("ml-connector: stopping").contains("ml-connector: stopped in");
        }
        for (ProcessHandle process : tree) {
            assertThat(process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> process).join().isAlive()).as("pid " + process.pid() + " stopped").isFalse();
        }

        LocalRunProcess again = LocalRunProcess.start(LOGS.resolve("restart-once.log"), "--once", "--state-dir",
                state.toString());
        int exit = again.awaitExit(Duration.ofMinutes(4));
        String output = again.output();
        again.close();
        assertThat(exit).as("the restart finishes the sync; output:\n" + output).isZero();

        StateDirAudit.Findings found = StateDirAudit.of(state, HOME);
        System.out.printf("reliability: SIGTERM mid-sync stopped in %d ms, restart lost=%d doubled=%d (posted=%d"
                + " parked=%d)%n", stopMillis, found.lost(), found.doubled(), found.posted(), found.parked());
        assertThat(found.problems()).as("store, BC and offsets agree").isEmpty();
        assertThat(found.posted()).isGreaterThanOrEqualTo(40);
    }
}
