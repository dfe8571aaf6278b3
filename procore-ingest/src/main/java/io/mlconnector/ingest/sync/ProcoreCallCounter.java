package io.mlconnector.ingest.sync;

import io.mlconnector.procore.ApiCallListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts Procore API calls per tenant, so each sync reports what it cost. */
public final class ProcoreCallCounter {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public ApiCallListener listenerFor(String tenantId) {
        AtomicLong count = counts.computeIfAbsent(tenantId, id -> new AtomicLong());
        return call -> count.incrementAndGet();
    }

    public long count(String tenantId) {
        AtomicLong count = counts.get(tenantId);
        return count == null ? 0 : count.get();
    }
}
