package io.mlconnector.vendorsync.schedule;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.vendorsync.config.VendorSyncProperties;
import io.mlconnector.vendorsync.polling.PurchaseOrderPoller;
import io.mlconnector.vendorsync.polling.VendorPoller;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper;
import io.mlconnector.vendorsync.vendor.VendorSync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import reactor.core.publisher.Mono;

/**
 * What runs when, per tenant:
 * <ul>
 *   <li>at start (unless {@code run-on-start=false}): subscriptions kept (webhooks on), full vendor
 *       reconciliation, purchase-order poll — on the scheduler thread, so start-up is not held up by BC;</li>
 *   <li>with {@code schedule-enabled}: reconciliation on the tenant's cron ({@code Tenant.syncSchedule}),
 *       subscription check every {@code subscription-check-interval}, vendor fallback poll and
 *       purchase-order poll every {@code poll-interval}.</li>
 * </ul>
 * One tenant's failure is logged and never stops the others or the next run.
 */
public final class VendorSyncJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VendorSyncJobs.class);

    private final TenantRegistry tenants;
    private final VendorSync vendors;
    private final SubscriptionKeeper subscriptions;
    private final VendorPoller vendorPoller;
    private final PurchaseOrderPoller purchaseOrders;
    private final TaskScheduler scheduler;
    private final VendorSyncProperties properties;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile boolean running;

    public VendorSyncJobs(TenantRegistry tenants, VendorSync vendors, SubscriptionKeeper subscriptions,
                          VendorPoller vendorPoller, PurchaseOrderPoller purchaseOrders, TaskScheduler scheduler,
                          VendorSyncProperties properties) {
        this.tenants = tenants;
        this.vendors = vendors;
        this.subscriptions = subscriptions;
        this.vendorPoller = vendorPoller;
        this.purchaseOrders = purchaseOrders;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (properties.runOnStart()) {
            scheduled.add(scheduler.schedule(this::startUpPass, Instant.now()));
        }
        if (properties.scheduleEnabled()) {
            Instant first = Instant.now().plus(properties.pollInterval());
            for (Tenant tenant : tenants.all()) {
                scheduled.add(scheduler.schedule(() -> each(tenant, "reconciliation", () -> vendors.reconcile(tenant)),
                        new CronTrigger(tenant.syncSchedule())));
                scheduled.add(scheduler.scheduleWithFixedDelay(() -> {
                    each(tenant, "vendor poll", () -> vendorPoller.pollIfQuiet(tenant));
                    each(tenant, "purchase-order poll", () -> purchaseOrders.poll(tenant));
                }, first, properties.pollInterval()));
                if (properties.webhooksEnabled()) {
                    scheduled.add(scheduler.scheduleWithFixedDelay(
                            () -> each(tenant, "subscription check", () -> subscriptions.maintain(tenant)),
                            Instant.now().plus(properties.subscriptionCheckInterval()),
                            properties.subscriptionCheckInterval()));
                }
                log.info("tenant {}: vendors reconciled on '{}', polls every {}, subscriptions checked every {}{}",
                        tenant.id(), tenant.syncSchedule(), pretty(properties.pollInterval()),
                        pretty(properties.subscriptionCheckInterval()),
                        properties.webhooksEnabled() ? "" : " (webhooks off: vendors polled)");
            }
        }
        running = true;
    }

    /** The start-up pass, also callable directly (one-shot runs, tests). */
    public void startUpPass() {
        for (Tenant tenant : tenants.all()) {
            if (properties.webhooksEnabled()) {
                each(tenant, "subscription check", () -> subscriptions.maintain(tenant));
            }
            each(tenant, "reconciliation", () -> vendors.reconcile(tenant));
            each(tenant, "purchase-order poll", () -> purchaseOrders.poll(tenant));
        }
    }

    /**
     * Runs one tenant's job and waits for it on this scheduler thread (never an event loop), so the next tick starts
     * after it; a failure is logged and the job runs again on schedule. A failure of Procore or BC (an outage, a
     * refusal: their exceptions already say what and where) is one line; anything else is a defect and is logged
     * with its stack trace, or nobody can find it.
     */
    static void each(Tenant tenant, String job, Supplier<? extends Mono<?>> work) {
        try {
            work.get().block();
        } catch (RuntimeException e) {
            if (isRemoteFailure(e)) {
                log.warn("tenant {}: {} failed: {}", tenant.id(), job, e.toString());
            } else {
                log.error("tenant {}: {} failed unexpectedly", tenant.id(), job, e);
            }
        }
    }

    private static boolean isRemoteFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.mlconnector.bc.BcApiException || t instanceof io.mlconnector.procore.ProcoreApiException
                    || t instanceof io.mlconnector.oauth.TokenRequestException
                    || t instanceof org.springframework.web.reactive.function.client.WebClientRequestException) {
                return true;
            }
        }
        return false;
    }

    private static String pretty(Duration d) {
        return d.toString().substring(2).toLowerCase();
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
