package io.mlconnector.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.ingest.webhook.ProcoreWebhookRegistration.HookAction;
import io.mlconnector.ingest.webhook.ProcoreWebhookRegistration.Result;
import io.mlconnector.oauth.Secret;
import io.mlconnector.procore.ApiCallListener;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.sandbox.procore.WebhookDelivery;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * Guards the tenant's Procore hook: created once with the gateway URL, the tenant's token as the Authorization header
 * and a trigger per offered cost resource and event; a second run writes nothing; a moved gateway or a rotated token
 * is fixed on the same hook; and a change in Procore then reaches the URL with the header the gateway checks.
 */
class ProcoreWebhookRegistrationIsIdempotentTest {

    private static final Duration T = Duration.ofSeconds(20);

    private ProcoreSandbox sandbox;
    private Tenant tenant;
    private ProcoreClients clients;

    @BeforeEach
    void start() {
        sandbox = ProcoreSandbox.start(IngestFixture.unthrottled(IngestFixture.DEMO_DATA));
        tenant = IngestFixture.tenant("harbor-ridge", sandbox);
        clients = new ProcoreClients(WebClient.builder(), Clock.systemUTC(), ProcoreClientOptions.defaults(),
                id -> ApiCallListener.NONE);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ProcoreWebhookRegistration registration(Tenant t, String baseUrl) {
        TenantRegistry tenants = new TenantRegistry() {
            @Override
            public List<Tenant> all() {
                return List.of(t);
            }

            @Override
            public Optional<Tenant> byId(String id) {
                return Optional.of(t).filter(x -> x.id().equals(id));
            }
        };
        return new ProcoreWebhookRegistration(tenants, clients, baseUrl, List.of(), T);
    }

    private long writes() {
        return sandbox.log().count(r -> r.path().startsWith("/rest/v1.0/webhooks") && !r.method().equals("GET"));
    }

    @Test
    void firstRunCreatesTheHookAndTriggersASecondRunWritesNothing() {
        Result first = registration(tenant, "https://gw.example/").registerAll().blockLast(T);
        assertThat(first.hook()).isEqualTo(HookAction.CREATED);
        assertThat(first.destinationUrl()).isEqualTo("https://gw.example/webhooks/procore/harbor-ridge");
        // 6 resources x create/update/delete; the unconfirmed requisitions alias is not offered by this Procore
        assertThat(first.triggersCreated()).isEqualTo(18);
        assertThat(first.notOffered()).containsExactly("Subcontractor Invoices");
        assertThat(first.refused()).isEmpty();
        List<tools.jackson.databind.node.ObjectNode> hooks = sandbox.webhooks().hooks();
        assertThat(hooks).singleElement().satisfies(h -> {
            assertThat(h.path("namespace").asString()).isEqualTo("ml-connector");
            assertThat(h.path("owned_by_company_id").asLong()).isEqualTo(IngestFixture.COMPANY);
            assertThat(h.path("destination_headers").path("Authorization").asString()).isEqualTo("Bearer procore-webhook-token");
            assertThat(h.path("triggers")).hasSize(18);
        });
        long writesAfterFirst = writes();

        Result second = registration(tenant, "https://gw.example").registerAll().blockLast(T);
        assertThat(second.hook()).isEqualTo(HookAction.UNCHANGED);
        assertThat(second.triggersCreated()).isZero();
        assertThat(second.hookId()).isEqualTo(first.hookId());
        assertThat(writes()).isEqualTo(writesAfterFirst);
        assertThat(sandbox.webhooks().hooks()).hasSize(1);
    }

    @Test
    void aMovedGatewayOrARotatedTokenIsFixedOnTheSameHookAndAMissingTriggerIsAddedBack() {
        Result first = registration(tenant, "https://old-gw.example").registerAll().blockLast(T);
        Result moved = registration(tenant, "https://new-gw.example").registerAll().blockLast(T);
        assertThat(moved.hook()).isEqualTo(HookAction.UPDATED);
        assertThat(moved.hookId()).isEqualTo(first.hookId());
        assertThat(moved.triggersCreated()).isZero();

        Tenant rotated = new Tenant(tenant.id(), tenant.displayName(), tenant.bc(), tenant.procore(),
                Secret.of("rotated-token"), tenant.bcClientState(), tenant.syncSchedule(), tenant.postingPolicy());
        Result fixed = registration(rotated, "https://new-gw.example").registerAll().blockLast(T);
        assertThat(fixed.hook()).isEqualTo(HookAction.UPDATED);
        assertThat(sandbox.webhooks().hooks()).singleElement().satisfies(h -> {
            assertThat(h.path("destination_url").asString()).isEqualTo("https://new-gw.example/webhooks/procore/harbor-ridge");
            assertThat(h.path("destination_headers").path("Authorization").asString()).isEqualTo("Bearer rotated-token");
        });

        // someone deleted a trigger in Procore's UI: the next run puts it back, and only it
        var client = clients.forTenant(rotated);
        var triggers = client.webhookTriggers(first.hookId()).collectList().block(T);
        assertThat(triggers).hasSize(18);
        long triggerId = triggers.stream().filter(t -> t.resourceName().equals("Direct Costs") && t.eventType().equals("update"))
                .findFirst().orElseThrow().id();
        sandbox.log().clear();
        deleteTrigger(first.hookId(), triggerId);
        Result healed = registration(rotated, "https://new-gw.example").registerAll().blockLast(T);
        assertThat(healed.hook()).isEqualTo(HookAction.UNCHANGED);
        assertThat(healed.triggersCreated()).isEqualTo(1);
    }

    @Test
    void aChangedDirectCostReachesTheRegisteredUrlWithTheTenantsBearerToken() {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        DisposableServer gateway = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/webhooks/procore/{tenant}", (req, res) -> req.receive().aggregate()
                        .asString(StandardCharsets.UTF_8).flatMap(body -> {
                            authorizations.add(req.requestHeaders().get("Authorization"));
                            bodies.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(body));
                            return res.status(202).send().then();
                        })))
                .bindNow(Duration.ofSeconds(5));
        try {
            registration(tenant, "http://127.0.0.1:" + gateway.port()).registerAll().blockLast(T);
            sandbox.data().update(Resource.DIRECT_COSTS, 2001001L, 7400106L, n -> n.put("status", "approved"));
            // the sandbox logs a delivery once it has read the answer, which is sent after the body is taken here
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> !bodies.isEmpty() && !sandbox.webhooks().deliveries().isEmpty());
            assertThat(authorizations).containsExactly("Bearer procore-webhook-token");
            assertThat(bodies.get(0).path("resource_name").asString()).isEqualTo("Direct Costs");
            assertThat(bodies.get(0).path("resource_id").asLong()).isEqualTo(7400106L);
            assertThat(sandbox.webhooks().deliveries()).singleElement().satisfies(d -> {
                assertThat(d.ok()).isTrue();
                assertThat(d.responseStatus()).isEqualTo(202);
            });
        } finally {
            gateway.disposeNow(Duration.ofSeconds(5));
        }
    }

    private void deleteTrigger(long hookId, long triggerId) {
        String token = sandboxToken();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(sandbox.baseUrl() + "/rest/v1.0/webhooks/hooks/" + hookId + "/triggers/"
                                    + triggerId + "?company_id=" + IngestFixture.COMPANY))
                    .header("Authorization", "Bearer " + token).header("Procore-Company-Id", "" + IngestFixture.COMPANY)
                    .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(204);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sandboxToken() {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(sandbox.baseUrl() + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=harbor-ridge-procore&client_secret=procore-sandbox-secret"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
