package io.mlconnector.vendorsync.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reconciliation and a notification of one tenant must not write the same vendors at once (both would create the
 * vendor Procore does not have yet: a duplicate). With the flows reactive, a lock cannot be held across them; the
 * runs of one tenant queue instead, in order, while other tenants' runs go on beside them.
 */
class RunsOfOneTenantDoNotOverlapTest {

    private final OneAtATime perTenant = new OneAtATime();

    @Test
    void runsOfOneTenantQueueInOrderAndOtherTenantsRunBeside() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> finished = new CopyOnWriteArrayList<>();

        List<String> done = Flux.merge(
                        perTenant.run("harbor-ridge", run("reconciliation", running, mostAtOnce, finished)),
                        perTenant.run("harbor-ridge", run("notification", running, mostAtOnce, finished)),
                        perTenant.run("harbor-ridge", run("poll", running, mostAtOnce, finished)))
                .collectList().block(Duration.ofSeconds(10));

        assertThat(done).containsExactly("reconciliation", "notification", "poll");
        assertThat(mostAtOnce.get()).as("one run of the tenant at a time").isEqualTo(1);

        AtomicInteger bothRunning = new AtomicInteger();
        AtomicInteger mostOfBoth = new AtomicInteger();
        Flux.merge(perTenant.run("harbor-ridge", run("a", bothRunning, mostOfBoth, finished)),
                perTenant.run("lakeside", run("b", bothRunning, mostOfBoth, finished))).blockLast(Duration.ofSeconds(10));
        assertThat(mostOfBoth.get()).as("another tenant does not wait").isEqualTo(2);
    }

    @Test
    void aRunCancelledWhileWaitingDoesNotLetTheNextOneOverlapTheRunningOne() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> finished = new CopyOnWriteArrayList<>();

        Mono<String> first = perTenant.run("harbor-ridge", run("first", running, mostAtOnce, finished)).cache();
        first.subscribe();
        Disposable waiting = perTenant.run("harbor-ridge", run("cancelled", running, mostAtOnce, finished)).subscribe();
        Mono<String> third = perTenant.run("harbor-ridge", run("third", running, mostAtOnce, finished)).cache();
        third.subscribe();
        waiting.dispose();

        assertThat(third.block(Duration.ofSeconds(10))).isEqualTo("third");
        assertThat(finished).containsExactly("first", "third");
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aFailedRunReleasesTheTenant() {
        Mono<String> failing = perTenant.run("harbor-ridge", Mono.error(new IllegalStateException("Procore down")));
        assertThat(failing.onErrorReturn("failed").block(Duration.ofSeconds(5))).isEqualTo("failed");
        assertThat(perTenant.run("harbor-ridge", Mono.just("next")).block(Duration.ofSeconds(5))).isEqualTo("next");
    }

    /** A run that takes a moment, counting how many runs are in progress at once. */
    private static Mono<String> run(String name, AtomicInteger running, AtomicInteger mostAtOnce, List<String> finished) {
        return Mono.defer(() -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return Mono.delay(Duration.ofMillis(100)).thenReturn(name);
        }).doOnNext(finished::add)
                // counted out before the run signals its end (doFinally would count after the next one began)
                .doOnTerminate(running::decrementAndGet).doOnCancel(running::decrementAndGet);
    }
}
