package io.mlconnector.mapping.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-drives requested over the API run here, outside the HTTP request: the request returns the job's id at once and
 * the caller polls it. A client that goes away, a proxy timeout or a slow broker cannot cut a re-drive short halfway
 * (and so cannot leave claims behind). Jobs are kept in memory by this replica (the newest {@value #KEPT}); a restart
 * forgets them, and whatever a lost job had not finished stays PARKED for the next re-drive.
 */
public final class RedriveJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedriveJobs.class);
    static final int KEPT = 500;

    public enum Status { RUNNING, DONE, FAILED }

    /** What one re-drive job did; {@code report} once DONE, {@code error} (in words) once FAILED. */
    public record Job(String id, String tenantId, String scope, Status status, Instant startedAt, Instant finishedAt,
                      RedriveReport report, String error) {
    }

    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public RedriveJobs(int threads, Clock clock) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "redrive-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    /** Starts {@code work} for {@code tenantId} ({@code scope}: what is re-driven) and returns the RUNNING job. */
    public Job submit(String tenantId, String scope, Supplier<RedriveReport> work) {
        Job started = new Job(UUID.randomUUID().toString(), tenantId, scope, Status.RUNNING, clock.instant(), null, null, null);
        jobs.put(started.id(), started);
        forgetOldest();
        executor.execute(() -> {
            try {
                RedriveReport report = work.get();
                jobs.put(started.id(), new Job(started.id(), tenantId, scope, Status.DONE, started.startedAt(),
                        clock.instant(), report, null));
            } catch (RuntimeException | Error e) {
                log.warn("Re-drive job {} ({} of {}) failed: {}", started.id(), scope, tenantId, e.toString());
                jobs.put(started.id(), new Job(started.id(), tenantId, scope, Status.FAILED, started.startedAt(),
                        clock.instant(), null, "the re-drive stopped before it finished; documents it did not reach"
                        + " stay parked: try again (" + e.getClass().getSimpleName() + ")"));
            }
        });
        return started;
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

    /** Lets running re-drives finish (each gives its claims back if interrupted after the grace period). */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
