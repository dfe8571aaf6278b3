package io.mlconnector.vendorsync.schedule;

import io.mlconnector.service.lease.ScheduleLease;
import io.mlconnector.service.lease.Ticks;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What runs when, per tenant:
 * <ul>
 *   <li>at start (unless {@code run-on-start=false}): subscriptions kept (webhooks on), full vendor
 *       reconciliation, purchase-order poll — started from the scheduler, so start-up is not held up by BC;</li>
 *   <li>with {@code schedule-enabled}: reconciliation on the tenant's cron ({@code Tenant.syncSchedule}),
 *       subscription check every {@code subscription-check-interval}, vendor fallback poll and
 *       purchase-order poll every {@code poll-interval}.</li>
 * </ul>
 * One tenant's failure is logged and never stops the others or the next run. With several replicas every replica's
 * schedule fires at the same instants (cron; intervals aligned to the epoch) and the {@link ScheduleLease} lets one
 * replica run each tick of each job and tenant; the start-up pass counts as the tick of the interval it starts in,
 * so a replica starting beside running ones does not repeat what they just did.
 *
 * <p>The scheduler thread only starts a run and waits for nothing: the run is reactive end to end. A tick that comes
 * while the previous run of the same job and tenant still goes on is left to that run (the lease says so, on this
 * replica as on the others). Stopping the service cancels its running runs, and the lease hands their ticks to another
 * replica at once.
 */
public final class VendorSyncJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VendorSyncJobs.class);

    // the jobs' names in the schedule lease ("job|tenant")
    static final String RECONCILIATION = "vendor reconciliation";
    static final String VENDOR_POLL = "vendor poll";
    static final String PURCHASE_ORDER_POLL = "purchase-order poll";
    static final String SUBSCRIPTION_CHECK = "subscription check";

    private final TenantRegistry tenants;
    private final VendorSync vendors;
    private final SubscriptionKeeper subscriptions;
    private final VendorPoller vendorPoller;
    private final PurchaseOrderPoller purchaseOrders;
    private final TaskScheduler scheduler;
    private final VendorSyncProperties properties;
    private final ScheduleLease lease;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile Sinks.One<Boolean> stopped = Sinks.one();
    private volatile boolean running;

    public VendorSyncJobs(TenantRegistry tenants, VendorSync vendors, SubscriptionKeeper subscriptions,
                          VendorPoller vendorPoller, PurchaseOrderPoller purchaseOrders, TaskScheduler scheduler,
                          VendorSyncProperties properties, ScheduleLease lease) {
        this.tenants = tenants;
        this.vendors = vendors;
        this.subscriptions = subscriptions;
        this.vendorPoller = vendorPoller;
        this.purchaseOrders = purchaseOrders;
        this.scheduler = scheduler;
        this.properties = properties;
        this.lease = lease;
    }

    @Override
    public synchronized void start() {
        stopped = Sinks.one();
        if (properties.runOnStart()) {
            scheduled.add(scheduler.schedule(() -> launch(startUpPass()), Instant.now()));
        }
        if (properties.scheduleEnabled()) {
            for (Tenant tenant : tenants.all()) {
                Ticks reconciliation = Ticks.cron(tenant.syncSchedule());
                scheduled.add(scheduler.schedule(() -> launch(leased(tenant, RECONCILIATION, reconciliation.tick(),
                        () -> vendors.reconcile(tenant))), reconciliation));
                Ticks polls = Ticks.every(properties.pollInterval());
                scheduled.add(scheduler.schedule(() -> {
                    Instant tick = polls.tick();
                    launch(leased(tenant, VENDOR_POLL, tick, () -> vendorPoller.pollIfQuiet(tenant))
                            .then(leased(tenant, PURCHASE_ORDER_POLL, tick, () -> purchaseOrders.poll(tenant))));
                }, polls));
                if (properties.webhooksEnabled()) {
                    Ticks checks = Ticks.every(properties.subscriptionCheckInterval());
                    scheduled.add(scheduler.schedule(() -> launch(leased(tenant, SUBSCRIPTION_CHECK, checks.tick(),
                            () -> subscriptions.maintain(tenant))), checks));
                }
                log.info("tenant {}: vendors reconciled on '{}', polls every {}, subscriptions checked every {}{}",
                        tenant.id(), tenant.syncSchedule(), pretty(properties.pollInterval()),
                        pretty(properties.subscriptionCheckInterval()),
                        properties.webhooksEnabled() ? "" : " (webhooks off: vendors polled)");
            }
        }
        running = true;
    }

    /**
     * The start-up pass under the lease, tenant after tenant: each job's tick is the poll interval (subscriptions:
     * the check interval) it starts in.
     */
    public Mono<Void> startUpPass() {
        return Flux.fromIterable(tenants.all()).concatMap(tenant -> Mono.defer(() -> {
            Instant now = Instant.now();
            Instant pollTick = Ticks.current(properties.pollInterval(), now);
            Mono<Void> subscriptionCheck = properties.webhooksEnabled()
                    ? leased(tenant, SUBSCRIPTION_CHECK, Ticks.current(properties.subscriptionCheckInterval(), now),
                            () -> subscriptions.maintain(tenant))
                    : Mono.empty();
            return subscriptionCheck
                    .then(leased(tenant, RECONCILIATION, pollTick, () -> vendors.reconcile(tenant)))
                    .then(leased(tenant, PURCHASE_ORDER_POLL, pollTick, () -> purchaseOrders.poll(tenant)));
        })).then();
    }

    /** Starts a run without waiting for it; cancelled when the service stops. */
    private void launch(Mono<Void> run) {
        run.takeUntilOther(stopped.asMono()).subscribe();
    }

    /** One tenant's job at {@code tick}, on this replica unless another runs it; failures as {@link #each}. */
    private Mono<Void> leased(Tenant tenant, String job, Instant tick, Supplier<? extends Mono<?>> work) {
        return Mono.defer(() -> lease.run(job, tenant.id(), tick, () -> each(tenant, job, work)))
                .doOnNext(outcome -> log.debug("tenant {}: {} at {}: {}", tenant.id(), job, tick, outcome))
                .onErrorResume(e -> {
                    log.warn("tenant {}: {} at {} not run: the schedule lease could not be read ({}); it runs on the"
                            + " next tick", tenant.id(), job, tick, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * Runs one tenant's job; a failure is logged and the job runs again on schedule. A failure of Procore or BC
     * (an outage, a refusal: their exceptions already say what and where) is one line; anything else is a defect
     * and is logged with its stack trace, or nobody can find it.
     */
    static Mono<Void> each(Tenant tenant, String job, Supplier<? extends Mono<?>> work) {
        return Mono.defer(work).then().onErrorResume(RuntimeException.class, e -> {
            if (isRemoteFailure(e)) {
                log.warn("tenant {}: {} failed: {}", tenant.id(), job, e.toString());
            } else {
                log.error("tenant {}: {} failed unexpectedly", tenant.id(), job, e);
            }
            return Mono.empty();
        });
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
        stopped.tryEmitValue(Boolean.TRUE);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
