package io.mlconnector.service.lease;

import io.mlconnector.service.lease.LeaseStore.Lease;
import io.mlconnector.service.lease.LeaseStore.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a scheduled job's tick on one replica only. Every replica's scheduler fires at the same instants (cron, or
 * intervals aligned to the epoch, see {@link Ticks}); each asks the lease for "job|tenant" and that tick:
 * <ul>
 *   <li>the first to claim it runs the job, renewing the claim every {@code renew-every} while it runs, and marks
 *       the tick done when the job ends (however it ends: a failure runs again on the next tick, as on one replica);</li>
 *   <li>the others stand by: when the tick is marked done they skip it; when its holder stops renewing (the process
 *       died) the claim expires and one of them takes the same tick over, so nothing is lost;</li>
 *   <li>a tick that comes while an earlier tick of the same job still runs elsewhere is skipped (the running one is
 *       reading the same changes), as a single replica's scheduler would.</li>
 * </ul>
 * Claims carry a fence (incremented on every claim): a holder that was taken over can neither renew nor mark done;
 * a reactive job is cancelled when its holder learns it lost the claim.
 *
 * <p>Written here rather than with ShedLock: ShedLock's lock providers are blocking ({@code LockProvider.lock}
 * returns a lock, its reactive-streams Mongo provider waits on the publisher), it keeps no "tick already done"
 * record (a replica whose trigger fires after the holder released would run the tick again, unless every job gets a
 * lock-at-least-for guess) and it does not hand an abandoned run over to another replica within the same tick.
 */
public final class ScheduleLease {

    private static final Logger log = LoggerFactory.getLogger(ScheduleLease.class);

    /** What happened to one replica's request to run a tick. */
    public enum Outcome {
        /** this replica ran the tick */
        RAN,
        /** another replica ran the tick (or a later one) */
        DONE_ELSEWHERE,
        /** an earlier tick of the job is still running on another replica; this tick is left to it */
        SKIPPED_BUSY,
        /** this replica started the tick but another took it over (the claim expired); that one runs it again */
        LOST
    }

    private final LeaseStore store;
    private final Duration duration;
    private final Duration renewEvery;
    private final String holder;
    private final Clock clock;

    public ScheduleLease(LeaseStore store, Duration duration, Duration renewEvery, String holder, Clock clock) {
        this.store = store;
        this.duration = duration;
        this.renewEvery = renewEvery;
        this.holder = holder;
        this.clock = clock;
    }

    public String holder() {
        return holder;
    }

    /** Runs {@code work} for {@code job} of {@code scope} (a tenant id) at {@code tick}, unless another replica does. */
    public Mono<Outcome> run(String job, String scope, Instant tick, Supplier<? extends Mono<?>> work) {
        String key = job + "|" + scope;
        return claim(key, tick, false).flatMap(claim -> claim.lease() == null ? Mono.just(claim.outcome())
                : holding(claim.lease(), work));
    }

    /**
     * Runs the work under the claim: done when the work ends (failed too: it runs again next tick); given up at once
     * (another replica takes the tick over without waiting for the claim to run out) when this replica cancels the
     * run, e.g. on shutdown, or learns it lost the claim.
     */
    private Mono<Outcome> holding(Lease lease, Supplier<? extends Mono<?>> work) {
        return Mono.defer(work).then(Mono.just(Outcome.RAN))
                .takeUntilOther(lost(lease))
                .switchIfEmpty(Mono.defer(() -> {
                    warnIfLost(Outcome.LOST, lease.key(), lease.tick());
                    return abandon(lease).thenReturn(Outcome.LOST);
                }))
                .flatMap(outcome -> outcome == Outcome.RAN ? release(lease).thenReturn(outcome) : Mono.just(outcome))
                .onErrorResume(e -> release(lease).then(Mono.error(e)))
                .doOnCancel(() -> abandon(lease).subscribe());
    }

    /** Who holds the job's lease and which ticks it claimed and finished; empty if it never ran. */
    public Mono<State> state(String job, String scope) {
        return store.state(job + "|" + scope);
    }

    private record Claim(Lease lease, Outcome outcome) {
    }

    /** Claims the tick, or stands by while another replica runs the same tick, until it finishes or is abandoned. */
    private Mono<Claim> claim(String key, Instant tick, boolean takeover) {
        Instant now = clock.instant();
        return store.claim(key, tick, holder, now, now.plus(duration))
                .doOnNext(lease -> {
                    if (takeover) {
                        log.info("{} took over tick {} of {}: its holder stopped renewing", holder, tick, key);
                    }
                })
                .map(lease -> new Claim(lease, Outcome.RAN))
                .switchIfEmpty(Mono.defer(() -> store.state(key).flatMap(state -> {
                    if (!state.doneTick().isBefore(tick) || state.tick().isAfter(tick)) {
                        return Mono.just(new Claim(null, Outcome.DONE_ELSEWHERE));
                    }
                    if (state.tick().isBefore(tick)) {
                        return Mono.just(new Claim(null, Outcome.SKIPPED_BUSY));
                    }
                    // the same tick, held elsewhere: wait for it to be done, or for its claim to run out
                    Duration untilExpiry = Duration.between(clock.instant(), state.expiresAt());
                    Duration wait = untilExpiry.isNegative() || untilExpiry.compareTo(renewEvery) > 0
                            ? renewEvery : untilExpiry.plusMillis(50);
                    return Mono.delay(wait).then(Mono.defer(() -> claim(key, tick, true)));
                })));
    }

    /**
     * Renews the claim every {@code renew-every} while the work runs; emits once the claim is lost, i.e. a renewal
     * found another fence (another replica claimed the tick). A renewal that comes late (this process paused, the
     * machine overloaded, the store slow) is still tried: the fence makes it succeed only if nobody claimed the tick
     * meanwhile, and then this replica still runs it alone. Giving up on a late renewal without trying would cancel
     * a run nobody else had taken over, half done (a BC subscription created but not yet saved), and start it again
     * elsewhere.
     */
    private Mono<Boolean> lost(Lease lease) {
        AtomicReference<Instant> confirmedUntil = new AtomicReference<>(clock.instant().plus(duration));
        return Flux.interval(renewEvery, renewEvery)
                .concatMap(i -> {
                    Instant asked = clock.instant();
                    Instant until = asked.plus(duration);
                    return store.renew(lease, until)
                            .doOnNext(kept -> {
                                if (kept && !asked.isBefore(confirmedUntil.get())) {
                                    log.warn("{}: renewed its lease of {} late ({} after it ran out); no other replica"
                                            + " had claimed it, so the run goes on here", holder, lease.key(),
                                            Duration.between(confirmedUntil.get(), asked));
                                }
                                if (kept) {
                                    confirmedUntil.set(until);
                                }
                            })
                            .map(kept -> !kept)
                            .onErrorResume(e -> {
                                log.warn("{}: could not renew the lease of {} ({}); retrying in {}", holder,
                                        lease.key(), e.toString(), renewEvery);
                                return Mono.just(false);
                            });
                })
                .filter(isLost -> isLost).next();
    }

    private Mono<Void> release(Lease lease) {
        return store.release(lease, clock.instant())
                .onErrorResume(e -> {
                    // the claim then runs out and a standing-by replica runs the tick again: doubled, never lost
                    log.warn("{}: could not mark tick {} of {} done ({})", holder, lease.tick(), lease.key(),
                            e.toString());
                    return Mono.empty();
                }).then();
    }

    private Mono<Void> abandon(Lease lease) {
        return store.abandon(lease, clock.instant()).onErrorResume(e -> Mono.empty()).then();
    }

    private void warnIfLost(Outcome outcome, String key, Instant tick) {
        if (outcome == Outcome.LOST) {
            log.warn("{} lost its lease of {} for tick {} mid-run: another replica claimed it after a renewal did not"
                    + " get through in time, and runs that tick", holder, key, tick);
        }
    }
}
