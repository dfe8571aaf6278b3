package io.mlconnector.service.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.service.lease.ScheduleLease.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Replicas of a service share one lease store (mongo-java-server through the reactive driver); each replica's
 * scheduler fires the same ticks. Guards: a tick run twice (doubled vendor writes, BC subscription renewals, Procore
 * reads), a tick lost when its holder dies or stops mid-run, a long run losing its claim.
 */
class ScheduledTickRunsOnceAcrossReplicasTest {

    private static final Duration DURATION = Duration.ofMillis(900);
    private static final Duration RENEW = Duration.ofMillis(300);
    private static final Instant TICK = Instant.parse("2026-12-05T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private LeaseStore store;
    private ScheduleLease replicaA;
    private ScheduleLease replicaB;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        store = new LeaseStore(client.getDatabase("lease_test"));
        replicaA = new ScheduleLease(store, DURATION, RENEW, "replica-a", Clock.systemUTC());
        replicaB = new ScheduleLease(new LeaseStore(client.getDatabase("lease_test")), DURATION, RENEW, "replica-b",
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void replicasFiringTheSameTickRunItOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        for (int t = 0; t < 5; t++) {
            Instant tick = TICK.plus(Duration.ofMinutes(5L * t));
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Outcome>> both = List.of(replicaA, replicaB, replicaA, replicaB).stream()
                    .map(replica -> CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return replica.run("reconciliation", "tenant-1", tick, () -> Mono.delay(Duration.ofMillis(50))
                                .doOnNext(x -> runs.incrementAndGet())).block();
                    })).toList();
            go.countDown();
            List<Outcome> outcomes = both.stream().map(CompletableFuture::join).toList();
            assertThat(outcomes).as("tick %s", tick).containsOnlyOnce(Outcome.RAN)
                    .filteredOn(o -> o != Outcome.RAN).containsOnly(Outcome.DONE_ELSEWHERE);
        }
        assertThat(runs).hasValue(5);
        // a replica whose trigger fires late (after the holder finished) does not run the tick again
        assertThat(replicaB.run("reconciliation", "tenant-1", TICK, () -> Mono.fromRunnable(runs::incrementAndGet))
                .block()).isEqualTo(Outcome.DONE_ELSEWHERE);
        // other tenants and other jobs have leases of their own
        assertThat(replicaB.run("reconciliation", "tenant-2", TICK, () -> Mono.fromRunnable(runs::incrementAndGet))
                .block()).isEqualTo(Outcome.RAN);
        assertThat(replicaB.run("purchase-order poll", "tenant-1", TICK, () -> Mono.fromRunnable(runs::incrementAndGet))
                .block()).isEqualTo(Outcome.RAN);
        assertThat(runs).hasValue(7);
    }

    @Test
    void aHolderThatDiedMidRunHandsTheTickOverWhenItsClaimRunsOut() {
        // replica A claimed the tick and then its process died: no renewal, no release
        Instant now = Instant.now();
        LeaseStore.Lease dead = store.claim("reconciliation|tenant-1", TICK, "replica-a", now, now.plus(DURATION))
                .block();
        assertThat(dead).isNotNull();

        AtomicInteger runs = new AtomicInteger();
        long started = System.nanoTime();
        Outcome outcome = replicaB.run("reconciliation", "tenant-1", TICK, () -> Mono.fromRunnable(runs::incrementAndGet))
                .block(Duration.ofSeconds(10));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isEqualTo(Outcome.RAN);
        assertThat(runs).hasValue(1);
        assertThat(waited).as("handover within the lease duration plus one check")
                .isLessThan(DURATION.plus(RENEW).plusMillis(500));
        // the dead holder's claim is fenced off: were it only paused, it could neither renew nor mark the tick done
        assertThat(store.renew(dead, Instant.now().plusSeconds(60)).block()).isFalse();
        assertThat(store.release(dead, Instant.now()).block()).isFalse();
        assertThat(store.state("reconciliation|tenant-1").block().doneTick()).isEqualTo(TICK);
    }

    @Test
    void aReplicaStoppedMidRunGivesTheTickUpAtOnce() throws Exception {
        CountDownLatch aStarted = new CountDownLatch(1);
        Disposable aRun = replicaA.run("purchase-order poll", "tenant-1", TICK,
                () -> Mono.fromRunnable(aStarted::countDown).then(Mono.never())).subscribe();
        assertThat(aStarted.await(5, TimeUnit.SECONDS)).isTrue();

        AtomicInteger bRuns = new AtomicInteger();
        CompletableFuture<Outcome> b = replicaB.run("purchase-order poll", "tenant-1", TICK,
                () -> Mono.fromRunnable(bRuns::incrementAndGet)).toFuture();
        Thread.sleep(100);
        assertThat(b).as("B stands by while A runs the tick").isNotDone();

        long stopped = System.nanoTime();
        aRun.dispose(); // replica A shuts down mid-run
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.RAN);
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("no need to wait for the claim to run out")
                .isLessThan(DURATION);
        assertThat(bRuns).hasValue(1);
    }

    @Test
    void aLongRunKeepsItsClaimAndLaterTicksWaitForIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Outcome> a = replicaA.run("vendor reconciliation", "tenant-1", TICK,
                // three times the lease duration: renewed meanwhile
                () -> Mono.fromRunnable(runs::incrementAndGet).then(Mono.delay(DURATION.multipliedBy(3)))).toFuture();
        Thread.sleep(200);
        // the same tick on B: stands by and finds it done, though A ran far past the lease duration
        CompletableFuture<Outcome> sameTick = replicaB.run("vendor reconciliation", "tenant-1", TICK,
                () -> Mono.fromRunnable(runs::incrementAndGet)).toFuture();
        // the next tick while A still runs: left to A, as a single replica's scheduler would
        Outcome nextTick = replicaB.run("vendor reconciliation", "tenant-1", TICK.plusSeconds(300),
                () -> Mono.fromRunnable(runs::incrementAndGet)).block();

        assertThat(nextTick).isEqualTo(Outcome.SKIPPED_BUSY);
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.RAN);
        assertThat(sameTick.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE_ELSEWHERE);
        assertThat(runs).hasValue(1);
    }

    /**
     * The holder is paused longer than the lease (a loaded machine, a long GC): its next renewal is late. Nobody
     * claimed the tick meanwhile, so the fenced renewal still holds and the holder goes on alone; it used to give the
     * claim up without trying while its work went on, and a second replica ran the same job at the same time (two BC
     * subscriptions for one entity set).
     */
    @Test
    void aHolderWhoseRenewalIsLateKeepsItsClaimAndRunsTheTickAlone() throws Exception {
        ShiftedClock pausedClock = new ShiftedClock();
        ScheduleLease paused = new ScheduleLease(new LeaseStore(client.getDatabase("lease_test")), DURATION, RENEW,
                "replica-a", pausedClock);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        java.util.function.Supplier<Mono<?>> work = () -> Mono.fromRunnable(() -> {
                    runs.incrementAndGet();
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                }).then(Mono.delay(DURATION.multipliedBy(4))).doFinally(signal -> running.decrementAndGet());
        CompletableFuture<Outcome> a = paused.run("subscription check", "tenant-1", TICK, () -> {
            pausedClock.shift(DURATION.multipliedBy(2)); // its next renewal comes after the claim ran out
            return work.get();
        }).toFuture();
        Thread.sleep(100);
        CompletableFuture<Outcome> b = replicaB.run("subscription check", "tenant-1", TICK, work).toFuture();

        assertThat(a.get(15, TimeUnit.SECONDS)).isEqualTo(Outcome.RAN);
        assertThat(b.get(15, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE_ELSEWHERE);
        assertThat(runs).hasValue(1);
        assertThat(mostAtOnce).hasValue(1);
    }

    /** The system clock, moved forward when told: what a paused process sees when it wakes up. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    @Test
    void aFailedRunIsNotRepeatedByTheOtherReplicasUntilTheNextTick() {
        assertThatThrownBy(() -> replicaA.run("subscription check", "tenant-1", TICK,
                () -> Mono.error(new IllegalStateException("BC is down"))).block()).hasMessageContaining("BC is down");
        AtomicInteger runs = new AtomicInteger();
        assertThat(replicaB.run("subscription check", "tenant-1", TICK, () -> Mono.fromRunnable(runs::incrementAndGet))
                .block()).isEqualTo(Outcome.DONE_ELSEWHERE);
        assertThat(replicaB.run("subscription check", "tenant-1", TICK.plusSeconds(3600),
                () -> Mono.fromRunnable(runs::incrementAndGet)).block()).isEqualTo(Outcome.RAN);
        assertThat(runs).hasValue(1);
    }

    @Test
    void ticksAreTheSameInstantsOnEveryReplica() {
        Duration five = Duration.ofMinutes(5);
        assertThat(Ticks.current(five, Instant.parse("2026-12-05T10:04:59Z"))).isEqualTo(TICK);
        assertThat(Ticks.alignedAfter(Instant.parse("2026-12-05T10:00:00Z"), five))
                .isEqualTo(Instant.parse("2026-12-05T10:05:00Z"));
        assertThat(Ticks.alignedAfter(Instant.parse("2026-12-05T10:03:17Z"), five))
                .isEqualTo(Instant.parse("2026-12-05T10:05:00Z"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
