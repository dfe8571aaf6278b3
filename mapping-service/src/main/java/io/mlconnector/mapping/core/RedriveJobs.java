package io.mlconnector.mapping.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Re-drives requested over the API run here, outside the HTTP request: the request returns the job's id at once and
 * the caller polls it. A client that goes away, a proxy timeout or a slow broker cannot cut a re-drive short halfway
 * (and so cannot leave claims behind). At most {@code concurrency} jobs run at once; the others wait their turn. Jobs
 * are kept in memory by this replica (the newest {@value #KEPT}); a restart forgets them, and whatever a lost job had
 * not finished stays PARKED for the next re-drive.
 */
public final class RedriveJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedriveJobs.class);
    static final int KEPT = 500;
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    public enum Status { RUNNING, DONE, FAILED }

    /** What one re-drive job did; {@code report} once DONE, {@code error} (in words) once FAILED. */
    public record Job(String id, String tenantId, String scope, Status status, Instant startedAt, Instant finishedAt,
                      RedriveReport report, String error) {
    }

    private record Queued(Job job, Supplier<Mono<RedriveReport>> work) {
    }

    private final Clock clock;
    private final Duration grace;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Sinks.Many<Queued> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable.Composite running = Disposables.composite();
    private final Sinks.Empty<Void> drained = Sinks.empty();

    public RedriveJobs(int concurrency, Clock clock) {
        this(concurrency, clock, DEFAULT_GRACE);
    }

    /** {@code grace}: how long {@link #close()} lets running jobs finish before it cancels them. */
    public RedriveJobs(int concurrency, Clock clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
        running.add(queue.asFlux()
                .flatMap(queued -> run(queued.job(), queued.work()), concurrency)
                .doOnTerminate(drained::tryEmitEmpty)
                .subscribe());
    }

    /** Starts {@code work} for {@code tenantId} ({@code scope}: what is re-driven) and returns the RUNNING job. */
    public Job submit(String tenantId, String scope, Supplier<Mono<RedriveReport>> work) {
        Job started = new Job(jobId(), tenantId, scope, Status.RUNNING, clock.instant(), null, null, null);
        jobs.put(started.id(), started);
        forgetOldest();
        queue.emitNext(new Queued(started, work), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        return started;
    }

    /**
     * A random (version 4 layout) id from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} reads SecureRandom, a
     * file read on the request's event-loop thread. A job id is not a secret (a job is only found with its tenant).
     */
    private static String jobId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    private Mono<Void> run(Job started, Supplier<Mono<RedriveReport>> work) {
        return Mono.defer(work)
                .defaultIfEmpty(RedriveReport.empty())
                .doOnNext(report -> jobs.put(started.id(), new Job(started.id(), started.tenantId(), started.scope(),
                        Status.DONE, started.startedAt(), clock.instant(), report, null)))
                .onErrorResume(e -> {
                    log.warn("Re-drive job {} ({} of {}) failed: {}", started.id(), started.scope(), started.tenantId(),
                            e.toString());
                    jobs.put(started.id(), new Job(started.id(), started.tenantId(), started.scope(), Status.FAILED,
                            started.startedAt(), clock.instant(), null, "the re-drive stopped before it finished;"
                            + " documents it did not reach stay parked: try again (" + e.getClass().getSimpleName() + ")"));
                    return Mono.empty();
                })
                .then();
    }

    public Optional<Job> find(String tenantId, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.tenantId().equals(tenantId));
    }

    private void forgetOldest() {
        if (jobs.size() <= KEPT) {
            return;
        }
        Iterator<Job> finished = jobs.values().stream().filter(j -> j.status() != Status.RUNNING)
                .sorted(java.util.Comparator.comparing(Job::startedAt)).iterator();
        while (jobs.size() > KEPT && finished.hasNext()) {
            jobs.remove(finished.next().id());
        }
    }

    /**
     * Takes no more jobs and lets the running ones finish for a grace period; then cancels them, and each gives its
     * claims back. Called at shutdown, on the thread that closes the context (never an event loop).
     */
    @Override
    public void close() {
        queue.tryEmitComplete();
        try {
            drained.asMono().block(grace);
        } catch (IllegalStateException timedOut) {
            log.warn("Re-drive jobs still running after {} s; cancelling them (their claims are given back)",
                    grace.toMillis() / 1000.0);
        } finally {
            running.dispose();
        }
    }
}
