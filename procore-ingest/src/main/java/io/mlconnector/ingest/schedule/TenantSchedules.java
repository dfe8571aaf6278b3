package io.mlconnector.ingest.schedule;

import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.service.lease.ScheduleLease;
import io.mlconnector.service.lease.Ticks;
import io.mlconnector.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs each tenant's reconciliation poll on that tenant's own cron schedule ({@code Tenant.syncSchedule}):
 * webhooks are the fast path, the poll catches whatever they missed. With several replicas, every replica's cron
 * fires and the {@link ScheduleLease} lets one of them run each tick ({@value #JOB} of the tenant).
 */
public final class TenantSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantSchedules.class);

    static final String JOB = "ingest reconciliation";

    private final IngestService ingest;
    private final TaskScheduler scheduler;
    private final ScheduleLease lease;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile boolean running;

    public TenantSchedules(IngestService ingest, TaskScheduler scheduler, ScheduleLease lease) {
        this.ingest = ingest;
        this.scheduler = scheduler;
        this.lease = lease;
    }

    @Override
    public synchronized void start() {
        for (Tenant tenant : ingest.tenants().all()) {
            Ticks ticks = Ticks.cron(tenant.syncSchedule());
            scheduled.add(scheduler.schedule(() -> lease.run(JOB, tenant.id(), ticks.tick(),
                    () -> ingest.syncTenant(tenant.id(), false)).block(), ticks));
            log.info("tenant {} reconciles on '{}'", tenant.id(), tenant.syncSchedule());
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
