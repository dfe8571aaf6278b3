package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker child of the local run: killed on its own mid-sync it is started again and the sync completes;
 * when its run is killed ({@code kill -9} of the launcher only) it stops by itself instead of living on holding its
 * log directory's lock, so the same command on the same state folder recovers at once.
 */
@Tag("reliability")
class BrokerDiesWithItsRunIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "broker-dies-with-its-run").toAbsolutePath();

    @Test
    void aKilledBrokerComesBackAndABrokerWhoseRunWasKilledStops(@TempDir Path temp) throws Exception {
        int rounds = Integer.getInteger("mlc.reliability.broker-rounds", 2);
        Path state = temp.resolve("state");
        int restarted = 0;
        List<ProcessHandle> brokers = new java.util.ArrayList<>();
        try (LocalRunProcess run = LocalRunProcess.start(LOGS.resolve("continuous.log"), "--state-dir", state.toString())) {
            run.awaitOutput(Pattern.compile("syncing every project"), Duration.ofMinutes(3));
            for (int round = 1; round <= rounds; round++) {
                Thread.sleep(1500);
                ProcessHandle broker = broker(run);
                broker.destroyForcibly();
                broker.onExit().get(20, TimeUnit.SECONDS);
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                ProcessHandle next = null;
                while (next == null && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                    next = run.tree().stream().skip(1).filter(p -> p.pid() != broker.pid() && isBroker(p))
                            .findFirst().orElse(null);
                }
                assertThat(next).as("round " + round + ": a new broker after the old one was killed").isNotNull();
                restarted++;
            }
            run.awaitOutput(Pattern.compile("Ctrl-C stops it"), Duration.ofMinutes(4));
            brokers.addAll(run.tree().stream().skip(1).filter(BrokerDiesWithItsRunIT::isBroker).toList());
            assertThat(brokers).isNotEmpty();
            run.killLauncherOnly();
        }
        for (ProcessHandle broker : brokers) {
            boolean stopped = broker.onExit().orTimeout(40, TimeUnit.SECONDS).handle((p, e) -> e == null).join();
            assertThat(stopped).as("broker pid " + broker.pid() + " stops once its run was killed").isTrue();
        }

        LocalRunProcess again = LocalRunProcess.start(LOGS.resolve("restart-once.log"), "--once", "--state-dir",
                state.toString());
        int exit = again.awaitExit(Duration.ofMinutes(4));
        String output = again.output();
        again.close();
        assertThat(output).doesNotContain("Failed to acquire lock");
        assertThat(exit).as("the same command recovers; output:\n" + output).isZero();

        StateDirAudit.Findings found = StateDirAudit.of(state, HOME);
        System.out.printf("reliability: broker down/up rounds=%d lost=%d doubled=%d (posted=%d parked=%d);"
                        + " broker outlived its killed run: no%n", restarted, found.lost(), found.doubled(),
                found.posted(), found.parked());
        assertThat(found.problems()).as("store, BC and offsets agree").isEmpty();
    }

    private static ProcessHandle broker(LocalRunProcess run) {
        return run.tree().stream().skip(1).filter(BrokerDiesWithItsRunIT::isBroker).findFirst()
                .orElseThrow(() -> new AssertionError("no broker child"));
    }

    private static boolean isBroker(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().map(c -> c.contains("-D" + io.mlconnector.local.infra.KafkaBroker.DIR_PROPERTY + "=")).orElse(false);
    }
}
