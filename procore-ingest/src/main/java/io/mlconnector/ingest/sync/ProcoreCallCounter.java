package io.mlconnector.ingest.sync;

import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.procore.ApiCallListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts Procore API calls per tenant, so each sync reports what it cost, and feeds the
 * {@code mlc.procore.api.*} counters. Called on the HTTP event loop: it only increments.
 */
public final class ProcoreCallCounter {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final IngestMetrics metrics;

    public ProcoreCallCounter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    public ApiCallListener listenerFor(String tenantId) {
        AtomicLong count = counts.computeIfAbsent(tenantId, id -> new AtomicLong());
        return call -> {
            count.incrementAndGet();
            metrics.procoreCall(tenantId, call);
        };
    }

    public long count(String tenantId) {
        AtomicLong count = counts.get(tenantId);
        return count == null ? 0 : count.get();
    }
}
