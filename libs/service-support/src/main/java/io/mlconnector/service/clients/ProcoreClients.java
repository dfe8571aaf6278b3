package io.mlconnector.service.clients;

import io.mlconnector.procore.ApiCallListener;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.procore.ProcoreConnection;
import io.mlconnector.procore.ProcoreResilience;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One Procore client per tenant, kept for the life of the service so that its cached token and its
 * rate-limit pacing are shared by every caller (scheduled polls and webhook-triggered fetches alike).
 */
public final class ProcoreClients {

    private final WebClient.Builder webClient;
    private final Clock clock;
    private final ProcoreClientOptions options;
    private final Function<String, ApiCallListener> listeners;
    private final ProcoreResilience resilience;
    private final Map<String, ProcoreClient> clients = new ConcurrentHashMap<>();

    public ProcoreClients(WebClient.Builder webClient, Clock clock, ProcoreClientOptions options,
                          Function<String, ApiCallListener> listeners) {
        this(webClient, clock, options, listeners, new ProcoreResilience());
    }

    /** @param resilience every tenant's retries, limits and breaker; bind it to the service's MeterRegistry */
    public ProcoreClients(WebClient.Builder webClient, Clock clock, ProcoreClientOptions options,
                          Function<String, ApiCallListener> listeners, ProcoreResilience resilience) {
        this.webClient = webClient;
        this.clock = clock;
        this.options = options;
        this.listeners = listeners;
        this.resilience = resilience;
    }

    public ProcoreClient forTenant(Tenant tenant) {
        return clients.computeIfAbsent(tenant.id(), id -> {
            ProcoreSettings procore = tenant.procore();
            ProcoreConnection connection = new ProcoreConnection(procore.apiBase(), procore.loginBase(),
                    procore.companyId(), procore.clientId(), procore.clientSecret());
            return ProcoreClient.create(connection, webClient, clock, options, listeners.apply(id), resilience);
        });
    }

    /** Drops a tenant's client, e.g. after its credentials changed. */
    public void forget(String tenantId) {
        clients.remove(tenantId);
    }
}
