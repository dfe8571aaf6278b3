package io.mlconnector.ingest.schedule;

import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs each tenant's reconciliation poll on that tenant's own cron schedule ({@code Tenant.syncSchedule}):
 * webhooks are the fast path, the poll catches whatever they missed.
 */
public final class TenantSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantSchedules.class);

    private final IngestService ingest;
    private final TaskScheduler scheduler;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile boolean running;

    public TenantSchedules(IngestService ingest, TaskScheduler scheduler) {
        this.ingest = ingest;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start() {
        for (Tenant tenant : ingest.tenants().all()) {
            scheduled.add(scheduler.schedule(() -> ingest.syncTenant(tenant.id(), false).block(),
                    new CronTrigger(tenant.syncSchedule())));
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
