package io.mlconnector.poster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.bc.BcCall;
import io.mlconnector.bc.BcCallListener;
import io.mlconnector.events.PostingResult;

/**
 * The poster's meters.
 * <ul>
 *   <li>{@code mlc.poster.postings} {tenant, kind, outcome}: one per finished posting attempt
 *       (POSTED, ALREADY_POSTED, PARKED, FAILED; a retry scheduled is not an outcome).</li>
 *   <li>{@code mlc.bc.api.calls} {tenant, status}: every HTTP call to BC including the client's own retries;
 *       status is the class ({@code 2xx}, {@code 4xx}, {@code 5xx}) or {@code none} when BC never answered.</li>
 *   <li>{@code mlc.bc.api.throttled} {tenant}: the 429s among them (over the per-user speed limit or queue,
 *       Microsoft Learn: operational-limits-online); a rising rate means the tenant's principal is shared or the
 *       concurrency cap is too high.</li>
 * </ul>
 */
public final class PosterMetrics {

    public static final String POSTINGS = "mlc.poster.postings";
    public static final String BC_CALLS = "mlc.bc.api.calls";
    public static final String BC_THROTTLED = "mlc.bc.api.throttled";

    private final MeterRegistry registry;

    public PosterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void posting(PostingResult result) {
        Counter.builder(POSTINGS)
                .description("Postings finished, by outcome")
                .tag("tenant", result.getTenantId())
                .tag("kind", result.getDocumentKind().name())
                .tag("outcome", result.getOutcome().name())
                .register(registry)
                .increment();
    }

    /** Counts one tenant's BC calls; install it as (part of) that tenant's BcClient listener. */
    public BcCallListener bcCalls(String tenantId) {
        return call -> onCall(tenantId, call);
    }

    private void onCall(String tenantId, BcCall call) {
        Counter.builder(BC_CALLS)
                .description("HTTP calls to Business Central, retries included")
                .tag("tenant", tenantId)
                .tag("status", statusClass(call.status()))
                .register(registry)
                .increment();
        if (call.status() == 429) {
            Counter.builder(BC_THROTTLED)
                    .description("BC calls answered 429 Too Many Requests")
                    .tag("tenant", tenantId)
                    .register(registry)
                    .increment();
        }
    }

    static String statusClass(int status) {
        return status <= 0 ? "none" : (status / 100) + "xx";
    }
}
