package io.mlconnector.service.clients;

import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.bc.BcConnection;
import io.mlconnector.bc.BcResilience;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.Tenant;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One Business Central client per tenant, kept for the life of the service: its cached Entra ID token and
 * the per-environment concurrency cap are shared by every caller in this process.
 */
public final class BcClients {

    private final WebClient.Builder webClient;
    private final Clock clock;
    private final Function<String, BcClientOptions> options;
    private final BcResilience resilience;
    private final Map<String, BcClient> clients = new ConcurrentHashMap<>();

    /** @param options the client options for a tenant id (e.g. with a call listener that counts per tenant) */
    public BcClients(WebClient.Builder webClient, Clock clock, Function<String, BcClientOptions> options) {
        this(webClient, clock, options, new BcResilience());
    }

    /**
     * @param resilience the retries, limits and breakers of every tenant's client (tenants on one BC environment
     *                   share its concurrency cap, speed limit and breaker); bind it to the service's MeterRegistry
     */
    public BcClients(WebClient.Builder webClient, Clock clock, Function<String, BcClientOptions> options,
                     BcResilience resilience) {
        this.webClient = webClient;
        this.clock = clock;
        this.options = options;
        this.resilience = resilience;
    }

    public BcClient forTenant(Tenant tenant) {
        return clients.computeIfAbsent(tenant.id(), id -> {
            BcSettings bc = tenant.bc();
            BcConnection connection = new BcConnection(bc.apiBase(), bc.loginBase(), bc.aadTenantId(),
                    bc.environment(), bc.companyId(), bc.clientId(), bc.clientSecret());
            return BcClient.create(connection, webClient, clock, options.apply(id), resilience);
        });
    }

    public void forget(String tenantId) {
        clients.remove(tenantId);
    }
}
