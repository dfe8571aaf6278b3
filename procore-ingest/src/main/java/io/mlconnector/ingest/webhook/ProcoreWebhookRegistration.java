package io.mlconnector.ingest.webhook;

import io.mlconnector.oauth.Secret;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.WebhookHook;
import io.mlconnector.procore.model.WebhookHookSpec;
import io.mlconnector.procore.model.WebhookResource;
import io.mlconnector.procore.model.WebhookTrigger;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps one company-scoped Procore hook per tenant pointing at the tenant's gateway URL
 * ({@code <webhook-base-url>/webhooks/procore/<tenantId>}) with the tenant's shared token as
 * {@code Authorization: Bearer <token>} (the header the gateway checks), and the triggers for every cost document
 * resource Procore offers (Procore docs: webhooks-api). Idempotent: a run against a correct hook only reads (hooks
 * of the namespace, the offered resources, the hook's triggers) and writes nothing.
 *
 * <p>The hook is found by namespace and URL; failing that, by a URL ending in the tenant's path (the gateway moved:
 * its URL is fixed rather than a second hook created). The requisition resource name is unconfirmed, so both
 * candidates are wanted and only the ones {@code /webhooks/resources} offers are subscribed.
 */
public final class ProcoreWebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(ProcoreWebhookRegistration.class);

    public static final String NAMESPACE = "ml-connector";

    /** Cost document resources; "Requisitions" / "Subcontractor Invoices": the name is unconfirmed (docs/api-facts.md). */
    public static final List<String> DEFAULT_RESOURCES = List.of("Direct Costs", "Work Order Contracts",
            "Purchase Order Contracts", "Requisitions", "Subcontractor Invoices", "Commitment Change Orders",
            "Prime Change Orders");

    public static final List<String> EVENT_TYPES = List.of("create", "update", "delete");

    /** What one tenant's registration did. */
    public enum HookAction { CREATED, UPDATED, UNCHANGED }

    public record Result(String tenantId, long hookId, String destinationUrl, HookAction hook, int triggersCreated,
                         List<String> notOffered, List<String> refused) {
    }

    private final TenantRegistry tenants;
    private final ProcoreClients clients;
    private final String baseUrl;
    private final List<String> resources;
    private final Duration timeout;

    public ProcoreWebhookRegistration(TenantRegistry tenants, ProcoreClients clients, String baseUrl,
                                      List<String> resources, Duration timeout) {
        this.tenants = tenants;
        this.clients = clients;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.resources = List.copyOf(resources == null || resources.isEmpty() ? DEFAULT_RESOURCES : resources);
        this.timeout = timeout;
    }

    /** The URL Procore posts this tenant's deliveries to (the gateway's {@code /webhooks/procore/{tenantId}}). */
    public String destinationUrl(String tenantId) {
        return baseUrl + "/webhooks/procore/" + tenantId;
    }

    /** Every tenant, one after another; a tenant that fails is logged and the others still run. */
    public Flux<Result> registerAll() {
        return Flux.fromIterable(tenants.all())
                .concatMap(tenant -> register(tenant)
                        .onErrorResume(e -> {
                            log.warn("tenant {}: Procore webhook registration failed ({}); the reconciliation poll still"
                                    + " reads every change, registration is retried on the next start", tenant.id(),
                                    e.toString());
                            return Mono.empty();
                        }));
    }

    public Mono<Result> register(Tenant tenant) {
        ProcoreClient client = clients.forTenant(tenant);
        String url = destinationUrl(tenant.id());
        // the gateway accepts "Bearer <token>" in Authorization (webhook-gateway README); the Secret never reaches a log
        WebhookHookSpec spec = new WebhookHookSpec(NAMESPACE, url,
                Map.of("Authorization", Secret.of("Bearer " + tenant.webhookToken().reveal())));
        return client.webhookHooks(NAMESPACE).collectList()
                .flatMap(hooks -> ensureHook(client, tenant, spec, hooks))
                .flatMap(hook -> ensureTriggers(client, hook.hook()).map(t -> new Result(tenant.id(), hook.hook().id(),
                        url, hook.action(), t.created(), t.notOffered(), t.refused())))
                .timeout(timeout)
                .doOnNext(r -> log.info("tenant {}: Procore hook {} ({}) -> {}: {}, {} trigger(s) created{}{}", r.tenantId(),
                        r.hookId(), NAMESPACE, r.destinationUrl(), r.hook().name().toLowerCase(java.util.Locale.ROOT),
                        r.triggersCreated(),
                        r.notOffered().isEmpty() ? "" : "; not offered by Procore (left to reconciliation): " + r.notOffered(),
                        r.refused().isEmpty() ? "" : "; refused: " + r.refused()));
    }

    private record HookOutcome(WebhookHook hook, HookAction action) {
    }

    private record TriggerOutcome(int created, List<String> notOffered, List<String> refused) {
    }

    private Mono<HookOutcome> ensureHook(ProcoreClient client, Tenant tenant, WebhookHookSpec spec, List<WebhookHook> hooks) {
        String tenantPath = "/webhooks/procore/" + tenant.id();
        Optional<WebhookHook> exact = hooks.stream().filter(h -> spec.destinationUrl().equals(h.destinationUrl())).findFirst();
        Optional<WebhookHook> moved = hooks.stream()
                .filter(h -> h.destinationUrl() != null && h.destinationUrl().endsWith(tenantPath)).findFirst();
        Optional<WebhookHook> found = exact.or(() -> moved);
        if (found.isEmpty()) {
            return client.createWebhookHook(spec).map(h -> new HookOutcome(h, HookAction.CREATED));
        }
        WebhookHook hook = found.get();
        long others = hooks.stream().filter(h -> h.id() != hook.id() && h.destinationUrl() != null
                && h.destinationUrl().endsWith(tenantPath)).count();
        if (others > 0) {
            log.warn("tenant {}: {} more Procore hook(s) in namespace {} point at this tenant; deliveries may come twice"
                    + " (the gateway and ingest absorb duplicates)", tenant.id(), others, NAMESPACE);
        }
        // Procore may not echo destination_headers; then they cannot be compared and are set again
        boolean same = spec.destinationUrl().equals(hook.destinationUrl()) && spec.sameHeadersAs(hook);
        return same ? Mono.just(new HookOutcome(hook, HookAction.UNCHANGED))
                : client.updateWebhookHook(hook.id(), spec).map(h -> new HookOutcome(h, HookAction.UPDATED));
    }

    private Mono<TriggerOutcome> ensureTriggers(ProcoreClient client, WebhookHook hook) {
        Mono<List<WebhookResource>> offered = client.webhookResources().collectList();
        Mono<List<WebhookTrigger>> existing = client.webhookTriggers(hook.id()).collectList();
        return Mono.zip(offered, existing).flatMap(both -> {
            List<WebhookResource> available = both.getT1();
            List<WebhookTrigger> missing = new ArrayList<>();
            List<String> notOffered = new ArrayList<>();
            for (String name : resources) {
                Optional<WebhookResource> resource = available.stream().filter(r -> name.equals(r.resourceName())).findFirst();
                if (resource.isEmpty()) {
                    notOffered.add(name);
                    continue;
                }
                for (String eventType : EVENT_TYPES) {
                    WebhookTrigger wanted = WebhookTrigger.of(name, eventType);
                    if (resource.get().offers(eventType) && both.getT2().stream().noneMatch(wanted::sameAs)) {
                        missing.add(wanted);
                    }
                }
            }
            if (missing.isEmpty()) {
                return Mono.just(new TriggerOutcome(0, notOffered, List.of()));
            }
            return client.createWebhookTriggers(hook.id(), missing)
                    .map(r -> new TriggerOutcome(r.created().size(), notOffered, r.failures()));
        });
    }
}
