package io.mlconnector.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.ApiCall;

/**
 * The service's counters. Tags are low-cardinality on purpose (tenant, document type, status class): a record id
 * or a URL path would create one time series per record.
 *
 * <pre>
 * mlc.ingest.documents.read       {tenant, type}          records read from Procore (polls and webhook fetches)
 * mlc.ingest.documents.published  {tenant, type}          new versions sent to procore.cost-documents
 * mlc.procore.api.calls           {tenant, status_class}  every Procore API exchange (2xx, 4xx, 5xx; 429 counts as 4xx)
 * mlc.procore.api.throttled       {tenant}                429 answers (the client waits them out; they should stay 0)
 * </pre>
 */
public final class IngestMetrics {

    public static final String DOCUMENTS_READ = "mlc.ingest.documents.read";
    public static final String DOCUMENTS_PUBLISHED = "mlc.ingest.documents.published";
    public static final String PROCORE_CALLS = "mlc.procore.api.calls";
    public static final String PROCORE_THROTTLED = "mlc.procore.api.throttled";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void documentRead(String tenantId, SourceType type) {
        Counter.builder(DOCUMENTS_READ).description("Procore records read")
                .tag("tenant", tenantId).tag("type", type.name()).register(registry).increment();
    }

    public void documentPublished(String tenantId, SourceType type) {
        Counter.builder(DOCUMENTS_PUBLISHED).description("cost-document versions published")
                .tag("tenant", tenantId).tag("type", type.name()).register(registry).increment();
    }

    public void procoreCall(String tenantId, ApiCall call) {
        Counter.builder(PROCORE_CALLS).description("Procore API exchanges")
                .tag("tenant", tenantId).tag("status_class", call.status() / 100 + "xx").register(registry).increment();
        if (call.status() == 429) {
            Counter.builder(PROCORE_THROTTLED).description("Procore 429 answers (waited out, never failed)")
                    .tag("tenant", tenantId).register(registry).increment();
        }
    }
}
