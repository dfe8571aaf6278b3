package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad day: the whole local run — launcher, services, store, sandboxes and the broker child — is killed with
 * SIGKILL at a random point of a sync, again and again, each time restarted on the same state folder with the one
 * command an operator would type ({@code bin/ml-connector local --once --state-dir D}). In the end every document
 * is posted exactly once: the poster's store says POSTED (or PARKED with a reason), BC holds exactly one document
 * per posting key, nothing is left in draft, and the consumer groups' offsets are committed to the end.
 *
 * <p>Rounds: {@code -Dmlc.reliability.kill-rounds=N} (default 3, about 3 minutes on 2 cores); the seed is printed,
 * {@code -Dmlc.reliability.seed=S} repeats a run's kill points.
 */
@Tag("reliability")
class WholeRunKilledMidSyncIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "whole-run-killed").toAbsolutePath();
    private static final Pattern SYNCING = Pattern.compile("syncing every project");

    @Test
    void everyDocumentIsPostedExactlyOnceAfterRepeatedKillsOfTheWholeRun(@TempDir Path temp) throws Exception {
        int rounds = Integer.getInteger("mlc.reliability.kill-rounds", 3);
        long seed = Long.getLong("mlc.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        Path state = temp.resolve("state");
        Instant began = Instant.now();
        List<String> kills = new ArrayList<>();
        int killed = 0;
        for (int round = 1; round <= rounds; round++) {
            try (LocalRunProcess run = LocalRunProcess.start(LOGS.resolve("round-" + round + ".log"),
                    "--once", "--state-dir", state.toString())) {
                run.awaitOutput(SYNCING, Duration.ofMinutes(3));
                // a random point of this round's work: after 0..15 more postings (0: while ingest reads Procore),
                // plus up to 200 ms, so the kill lands at different steps of a posting
                int postings = random.nextInt(16);
                long jitter = random.nextInt(postings == 0 ? 3000 : 200);
                if (!run.awaitPostings(postings, Duration.ofMinutes(2))) {
                    kills.add("round " + round + ": finished before " + postings + " postings");
                    continue;
                }
                Thread.sleep(jitter);
                if (!run.isAlive()) {
                    kills.add("round " + round + ": finished before the kill");
                    continue;
                }
                String after = "after " + postings + " postings + " + jitter + " ms";
                int processes = run.tree().size();
                run.killTree();
                killed++;
                kills.add("round " + round + ": killed " + processes + " processes " + after);
            }
        }
        LocalRunProcess last = LocalRunProcess.start(LOGS.resolve("recovery.log"), "--once", "--state-dir",
                state.toString());
        int exit = last.awaitExit(Duration.ofMinutes(4));
        String output = last.output();
        last.close();

        StateDirAudit.Findings found = StateDirAudit.of(state, HOME);
        kills.forEach(k -> System.out.println("WholeRunKilledMidSyncIT " + k));
        System.out.printf("reliability: kill -9 rounds survived=%d lost=%d doubled=%d (posted=%d parked=%d of %d"
                        + " posting requests, lag=%d, seed=%d, %d s)%n", killed, found.lost(), found.doubled(),
                found.posted(), found.parked(), found.requests(), found.lag(), seed,
                Duration.between(began, Instant.now()).toSeconds());
        found.problems().forEach(p -> System.out.println("WholeRunKilledMidSyncIT disagreement: " + p));

        assertThat(exit).as("the recovery run finishes cleanly; output:\n" + output).isZero();
        assertThat(killed).as("kills that hit a running sync").isPositive();
        assertThat(found.posted()).as("the demo posts").isGreaterThanOrEqualTo(40);
        assertThat(found.problems()).as("store, BC and offsets agree").isEmpty();
    }
}
