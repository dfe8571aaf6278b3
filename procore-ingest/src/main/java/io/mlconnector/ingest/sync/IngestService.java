package io.mlconnector.ingest.sync;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Entry point for syncs, whoever asks (the schedule, the API, the local runner). A tenant's sync never
 * overlaps itself: a request while one runs joins the running one instead of starting a second.
 */
public final class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final TenantRegistry tenants;
    private final TenantSync sync;
    private final Map<String, Mono<SyncReport>> running = new ConcurrentHashMap<>();

    public IngestService(TenantRegistry tenants, TenantSync sync) {
        this.tenants = tenants;
        this.sync = sync;
    }

    public Mono<List<SyncReport>> syncAll(boolean full) {
        return Flux.fromIterable(tenants.all()).concatMap(t -> syncTenant(t, full)).collectList();
    }

    public Mono<SyncReport> syncTenant(String tenantId, boolean full) {
        return Mono.defer(() -> tenants.byId(tenantId)
                .map(t -> syncTenant(t, full))
                .orElseGet(() -> Mono.error(new NoSuchElementException("unknown tenant " + tenantId))));
    }

    private Mono<SyncReport> syncTenant(Tenant tenant, boolean full) {
        // doOnTerminate, not doFinally: doFinally runs after cache() has handed the result to the callers, so a
        // sync asked for right after one finished could find the finished one still registered and "join" it,
        // getting its old report back without reading anything.
        return running.computeIfAbsent(tenant.id(), id -> sync.sync(tenant, full)
                .doOnError(e -> log.warn("sync of {} failed: {}", id, e.toString()))
                .doOnTerminate(() -> running.remove(id))
                .doOnCancel(() -> running.remove(id))
                .cache());
    }

    public TenantRegistry tenants() {
        return tenants;
    }
}
