package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcVendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Caches one {@link ReferenceSnapshot} per tenant. A snapshot is reloaded when it is older than the TTL,
 * when {@link #invalidate(String)} is called (BC webhooks for accounts, dimensions or vendors), and, at most
 * once per {@code missRefreshInterval}, when a lookup misses: a vendor created in BC a minute ago should not
 * park a document until the TTL runs out. BC calls are spent carefully: one load per tenant at a time, shared by
 * everyone who asks while it runs. Non-blocking: the work that looks things up gets an in-memory view of a
 * snapshot ({@link #withSnapshot}), so the mapping itself stays pure.
 */
public final class CachedBcReferenceData {
    private static final Logger log = LoggerFactory.getLogger(CachedBcReferenceData.class);

    private final ReferenceDataLoader loader;
    private final Duration ttl;
    private final Duration missRefreshInterval;
    private final Clock clock;
    private final ConcurrentMap<String, ReferenceSnapshot> snapshots = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Mono<ReferenceSnapshot>> loading = new ConcurrentHashMap<>();

    public CachedBcReferenceData(ReferenceDataLoader loader, Duration ttl, Duration missRefreshInterval, Clock clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.missRefreshInterval = missRefreshInterval;
        this.clock = clock;
    }

    /**
     * Runs {@code work} against the tenant's reference data. When a lookup of {@code work} missed and the snapshot is
     * older than the miss-refresh interval, the snapshot is reloaded once and {@code work} runs again on it.
     */
    public <T> Mono<T> withSnapshot(String tenantId, Function<BcReferenceData, T> work) {
        return snapshot(tenantId).flatMap(snapshot -> {
            SnapshotView view = new SnapshotView(snapshot);
            T result = work.apply(view);
            if (!view.missed || snapshot.loadedAt().plus(missRefreshInterval).isAfter(clock.instant())) {
                return Mono.justOrEmpty(result);
            }
            return reload(tenantId, snapshot).mapNotNull(fresh -> work.apply(new SnapshotView(fresh)));
        });
    }

    /** The tenant's current snapshot, loading it if needed. */
    public Mono<ReferenceSnapshot> snapshot(String tenantId) {
        return Mono.defer(() -> {
            ReferenceSnapshot current = snapshots.get(tenantId);
            if (current != null && current.loadedAt().plus(ttl).isAfter(clock.instant())) {
                return Mono.just(current);
            }
            return reload(tenantId, current);
        });
    }

    /** The tenant's snapshot if one is cached, without loading anything. */
    public Optional<ReferenceSnapshot> cached(String tenantId) {
        return Optional.ofNullable(snapshots.get(tenantId));
    }

    /** Drop the tenant's snapshot; the next lookup reloads it. */
    public void invalidate(String tenantId) {
        snapshots.remove(tenantId);
        loading.remove(tenantId);
    }

    public void invalidateAll() {
        snapshots.clear();
        loading.clear();
    }

    private Mono<ReferenceSnapshot> reload(String tenantId, ReferenceSnapshot stale) {
        return Mono.defer(() -> {
            ReferenceSnapshot existing = snapshots.get(tenantId);
            if (existing != null && existing != stale) {
                return Mono.just(existing); // another caller reloaded meanwhile
            }
            // one load per tenant: whoever comes while it runs shares it; it leaves the map when it ends (an error is
            // not kept, so the next lookup tries again)
            Mono<ReferenceSnapshot>[] self = new Mono[1];
            self[0] = loading.computeIfAbsent(tenantId, tenant -> Mono.defer(() -> {
                        log.debug("Loading BC reference data for tenant {}", tenant);
                        return loader.load(tenant);
                    })
                    .doOnNext(loaded -> {
                        if (loading.get(tenant) == self[0]) { // not invalidated while loading
                            snapshots.put(tenant, loaded);
                        }
                    })
                    .doFinally(signal -> loading.remove(tenant, self[0]))
                    .cache());
            return self[0];
        });
    }

    /** An in-memory view of one snapshot that notes whether a lookup found nothing. */
    private static final class SnapshotView implements BcReferenceData {
        private final ReferenceSnapshot snapshot;
        private volatile boolean missed;

        SnapshotView(ReferenceSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public Optional<GlAccount> account(String tenantId, String accountNumber) {
            return noted(snapshot.account(accountNumber));
        }

        @Override
        public Optional<KnownDimensionValues> dimension(String tenantId, String dimensionCode) {
            return noted(snapshot.dimension(dimensionCode));
        }

        @Override
        public Optional<BcVendor> vendorById(String tenantId, String vendorId) {
            return noted(snapshot.vendorById(vendorId));
        }

        @Override
        public Optional<BcVendor> vendorByNumber(String tenantId, String vendorNumber) {
            return noted(snapshot.vendorByNumber(vendorNumber));
        }

        private <T> Optional<T> noted(Optional<T> found) {
            if (found.isEmpty()) {
                missed = true;
            }
            return found;
        }
    }
}
