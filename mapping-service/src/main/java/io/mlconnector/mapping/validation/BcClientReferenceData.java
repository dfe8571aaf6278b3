package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcAccount;
import io.mlconnector.bc.BcClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Loads a tenant's reference data from Business Central through {@link BcClient}: accounts, dimensions with their
 * values ($expand, one request per page) and all vendors, the three lists read concurrently (the client caps
 * concurrency per environment). Non-blocking: {@link CachedBcReferenceData} shares one load per tenant between
 * everyone who asks while it runs.
 */
public final class BcClientReferenceData implements ReferenceDataLoader {
    private final Function<String, BcClient> clientForTenant;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param clientForTenant the tenant's BC client (built from the tenant registry by the caller)
     * @param timeout         how long a full load may take before the lookup fails (and the document is retried)
     */
    public BcClientReferenceData(Function<String, BcClient> clientForTenant, Clock clock, Duration timeout) {
        this.clientForTenant = clientForTenant;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Mono<ReferenceSnapshot> load(String tenantId) {
        return Mono.defer(() -> {
            BcClient bc = clientForTenant.apply(tenantId);
            var accounts = bc.accounts().map(BcClientReferenceData::account).collectList();
            var dimensions = bc.dimensions().collectList();
            var vendors = bc.vendors(null).collectList();
            return Mono.zip(accounts, dimensions, vendors)
                    .map(all -> new ReferenceSnapshot(all.getT1(), all.getT2(), all.getT3(), clock.instant()));
        }).timeout(timeout);
    }

    private static GlAccount account(BcAccount a) {
        return new GlAccount(a.number(), a.displayName(), a.accountType(), a.directPosting(), a.blocked());
    }
}
