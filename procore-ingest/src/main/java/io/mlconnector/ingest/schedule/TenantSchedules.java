package io.mlconnector.ingest.schedule;

import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.service.lease.ScheduleLease;
import io.mlconnector.service.lease.Ticks;
import io.mlconnector.tenant.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import reactor.core.publisher.Sinks;

/**
 * Runs each tenant's reconciliation poll on that tenant's own cron schedule ({@code Tenant.syncSchedule}):
 * webhooks are the fast path, the poll catches whatever they missed. With several replicas, every replica's cron
 * fires and the {@link ScheduleLease} lets one of them run each tick ({@value #JOB} of the tenant). The scheduler
 * thread only starts the reactive run; stopping the service cancels running runs, and the lease hands their ticks to
 * another replica at once.
 */
public final class TenantSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantSchedules.class);

    static final String JOB = "ingest reconciliation";

    private final IngestService ingest;
    private final TaskScheduler scheduler;
    private final ScheduleLease lease;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile Sinks.One<Boolean> stopped = Sinks.one();
    private volatile boolean running;

    public TenantSchedules(IngestService ingest, TaskScheduler scheduler, ScheduleLease lease) {
        this.ingest = ingest;
        this.scheduler = scheduler;
        this.lease = lease;
    }

    @Override
    public synchronized void start() {
        stopped = Sinks.one();
        for (Tenant tenant : ingest.tenants().all()) {
            Ticks ticks = Ticks.cron(tenant.syncSchedule());
            scheduled.add(scheduler.schedule(() -> run(tenant, ticks.tick()), ticks));
            log.info("tenant {} reconciles on '{}'", tenant.id(), tenant.syncSchedule());
        }
        running = true;
    }

    /** Starts the tenant's tick without waiting for it; a failure is logged and the next tick runs as usual. */
    private void run(Tenant tenant, Instant tick) {
        lease.run(JOB, tenant.id(), tick, () -> ingest.syncTenant(tenant.id(), false))
                .doOnNext(outcome -> log.debug("tenant {}: reconciliation at {}: {}", tenant.id(), tick, outcome))
                .takeUntilOther(stopped.asMono())
                .subscribe(outcome -> { }, e -> log.warn("tenant {}: reconciliation at {} failed ({}); the next tick"
                        + " runs it again", tenant.id(), tick, e.toString()));
    }

    @Override
    public synchronized void stop() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
        stopped.tryEmitValue(Boolean.TRUE);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
