package io.mlconnector.vendorsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.service.lease.LeaseStore;
import io.mlconnector.service.lease.ScheduleLease;
import io.mlconnector.service.lease.ScheduleLease.Outcome;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.config.VendorSyncProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import reactor.core.publisher.Mono;

/**
 * A replica shut down (a rolling update, a scale-down) while its subscription check waits on BC: the check is cancelled
 * and its tick handed to the next replica at once, which runs it. Guards the scheduler thread that waited for the run
 * to end: the stopped replica kept the tick until BC answered (here BC's handshake with a gateway that never answers
 * times out), and the tick ended up marked done though no check had kept the subscription.
 */
class StoppedReplicaHandsItsRunningTickOverAtOnceTest {

    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration RENEW = Duration.ofMillis(500);

    private SyncFixture fx;
    private ServerSocket silentGateway;
    private ThreadPoolTaskScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        fx = SyncFixture.start();
        // accepts connections (the kernel's backlog) and never answers: BC's validation handshake hangs
        silentGateway = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdown();
        silentGateway.close();
        fx.close();
    }

    @Test
    void aReplicaStoppedMidCheckGivesTheTickToTheNextReplicaAtOnce() {
        ScheduleLease replicaA = lease("replica-a");
        VendorSyncJobs jobsA = new VendorSyncJobs(fx.tenants, fx.vendorSync,
                fx.subscriptionKeeper("http://127.0.0.1:" + silentGateway.getLocalPort(), Duration.ofDays(2)),
                fx.vendorPoller(true, Duration.ofMinutes(30)), fx.purchaseOrderPoller(), scheduler, properties(),
                replicaA);
        jobsA.start();
        // replica A's start-up pass holds the subscription check of its tick, waiting on BC
        ScheduleLease replicaB = lease("replica-b");
        Instant tick = await().atMost(Duration.ofSeconds(10)).until(() -> replicaB
                        .state(VendorSyncJobs.SUBSCRIPTION_CHECK, fx.tenant.id()).blockOptional()
                        .filter(s -> "replica-a".equals(s.holder()) && s.doneTick().isBefore(s.tick())
                                && s.expiresAt().isAfter(Instant.now()))
                        .map(s -> s.tick()), Optional::isPresent)
                .orElseThrow();

        long stopped = System.nanoTime();
        jobsA.stop();
        AtomicInteger bRuns = new AtomicInteger();
        Outcome outcome = replicaB.run(VendorSyncJobs.SUBSCRIPTION_CHECK, fx.tenant.id(), tick,
                () -> Mono.fromRunnable(bRuns::incrementAndGet)).block(Duration.ofSeconds(15));
        Duration handedOver = Duration.ofNanos(System.nanoTime() - stopped);

        assertThat(outcome).as("replica B runs the tick replica A gave up").isEqualTo(Outcome.RAN);
        assertThat(bRuns).hasValue(1);
        assertThat(handedOver).as("without waiting for BC or for the lease to run out")
                .isLessThan(Duration.ofSeconds(3));
    }

    private ScheduleLease lease(String holder) {
        return new ScheduleLease(new LeaseStore(fx.db), LEASE, RENEW, holder, Clock.systemUTC());
    }

    private static VendorSyncProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "mlc.vendor-sync.schedule-enabled", "false",
                "mlc.vendor-sync.run-on-start", "true",
                "mlc.vendor-sync.webhooks-enabled", "true")))
                .bindOrCreate("mlc.vendor-sync", VendorSyncProperties.class);
    }
}
