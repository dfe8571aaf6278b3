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

/**
 * Caches one {@link ReferenceSnapshot} per tenant. A snapshot is reloaded when it is older than the TTL,
 * when {@link #invalidate(String)} is called (BC webhooks for accounts, dimensions or vendors), and, at most
 * once per {@code missRefreshInterval}, when a lookup misses: a vendor created in BC a minute ago should not
 * park a document until the TTL runs out. BC calls are spent carefully (DESIGN.md, limits): one load per tenant
 * at a time (computeIfAbsent holds the tenant's bin while loading).
 */
public final class CachedBcReferenceData implements BcReferenceData {
    private static final Logger log = LoggerFactory.getLogger(CachedBcReferenceData.class);

    private final ReferenceDataLoader loader;
    private final Duration ttl;
    private final Duration missRefreshInterval;
    private final Clock clock;
    private final ConcurrentMap<String, ReferenceSnapshot> snapshots = new ConcurrentHashMap<>();

    public CachedBcReferenceData(ReferenceDataLoader loader, Duration ttl, Duration missRefreshInterval, Clock clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.missRefreshInterval = missRefreshInterval;
        this.clock = clock;
    }

    @Override
    public Optional<GlAccount> account(String tenantId, String accountNumber) {
        return lookup(tenantId, snapshot -> snapshot.account(accountNumber));
    }

    @Override
    public Optional<BcDimension> dimension(String tenantId, String dimensionCode) {
        return lookup(tenantId, snapshot -> snapshot.dimension(dimensionCode));
    }

    @Override
    public Optional<BcVendor> vendorById(String tenantId, String vendorId) {
        return lookup(tenantId, snapshot -> snapshot.vendorById(vendorId));
    }

    @Override
    public Optional<BcVendor> vendorByNumber(String tenantId, String vendorNumber) {
        return lookup(tenantId, snapshot -> snapshot.vendorByNumber(vendorNumber));
    }

    /** Drop the tenant's snapshot; the next lookup reloads it. */
    public void invalidate(String tenantId) {
        snapshots.remove(tenantId);
    }

    public void invalidateAll() {
        snapshots.clear();
    }

    /** The tenant's current snapshot, loading it if needed. */
    public ReferenceSnapshot snapshot(String tenantId) {
        Instant now = clock.instant();
        ReferenceSnapshot current = snapshots.get(tenantId);
        if (current != null && current.loadedAt().plus(ttl).isAfter(now)) {
            return current;
        }
        return reload(tenantId, current);
    }

    private <T> Optional<T> lookup(String tenantId, Function<ReferenceSnapshot, Optional<T>> query) {
        ReferenceSnapshot snapshot = snapshot(tenantId);
        Optional<T> found = query.apply(snapshot);
        if (found.isPresent() || snapshot.loadedAt().plus(missRefreshInterval).isAfter(clock.instant())) {
            return found;
        }
        return query.apply(reload(tenantId, snapshot));
    }

    private ReferenceSnapshot reload(String tenantId, ReferenceSnapshot stale) {
        return snapshots.compute(tenantId, (tenant, existing) -> {
            if (existing != null && existing != stale) {
                return existing; // another thread reloaded while we waited
            }
            log.debug("Loading BC reference data for tenant {}", tenant);
            return loader.load(tenant);
        });
    }
}
