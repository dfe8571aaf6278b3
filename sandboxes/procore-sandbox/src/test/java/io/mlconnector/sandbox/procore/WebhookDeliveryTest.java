package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Guards what a webhook receiver sees from "Procore": the v2.0 payload with the hook's headers, only for covered
 * scopes and subscribed triggers, and Procore's failure behaviour — a failing URL pauses, retries with back-off and
 * delivers in order; a URL failing too long has its queue discarded.
 */
class WebhookDeliveryTest {

    private static final long PROJECT = 2001001L;
    private static final long DIRECT_COST = 7400101L;

    private ProcoreSandbox sandbox;
    private WebhookReceiver receiver;

    private void start(WebhookOptions webhooks) {
        sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData()).withWebhooks(webhooks));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static WebhookOptions fast() {
        return WebhookOptions.defaults().withDeliveryDelay(Duration.ofMillis(20))
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    /** A hook through the HTTP API, as a connector would create it. */
    private long hook(String token, String scope, String url, String triggersJson) {
        long id = json(send(sandbox, token, "POST", "/rest/v1.0/webhooks/hooks", "{" + scope + ",\"hook\":{\"api_version\":\"v2\","
                + "\"namespace\":\"ml-connector\",\"destination_url\":\"" + url + "\","
                + "\"destination_headers\":{\"Authorization\":\"Bearer tenant-token\"}}}")).path("id").asLong();
        assertThat(send(sandbox, token, "POST", "/rest/v1.0/webhooks/hooks/" + id + "/triggers/bulk",
                "{" + scope + ",\"api_version\":\"v2\",\"triggers\":" + triggersJson + "}").statusCode()).isEqualTo(201);
        return id;
    }

    @Test
    void aChangedDirectCostIsPostedAsV2PayloadWithTheHooksHeaders() {
        start(fast());
        String token = token(sandbox);
        long hookId = hook(token, "\"company_id\":5001234", receiver.url("/webhooks/procore/harbor-ridge"),
                "[{\"resource_name\":\"Direct Costs\",\"event_type\":\"update\"},"
                        + "{\"resource_name\":\"Company Vendors\",\"event_type\":\"update\"}]");
        // subscribed, other project: must not see project 2001001's change
        hook(token, "\"project_id\":2001002", receiver.url("/other-project"),
                "[{\"resource_name\":\"Direct Costs\",\"event_type\":\"update\"}]");

        sandbox.data().update(Resource.DIRECT_COSTS, PROJECT, DIRECT_COST, n -> n.put("status", "approved"));
        sandbox.data().add(Resource.DIRECT_COSTS, PROJECT, SandboxJson.MAPPER.createObjectNode().put("status", "draft"));  // create: not subscribed

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= 1);
        WebhookReceiver.Received r = receiver.received.get(0);
        assertThat(r.path()).isEqualTo("/webhooks/procore/harbor-ridge");
        assertThat(r.headers().get("authorization")).isEqualTo("Bearer tenant-token");
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        JsonNode p = r.body();
        assertThat(p.path("api_version").asString()).isEqualTo("v2.0");
        assertThat(p.path("event_type").asString()).isEqualTo("update");
        assertThat(p.path("resource_name").asString()).isEqualTo("Direct Costs");
        assertThat(p.path("resource_id").asLong()).isEqualTo(DIRECT_COST);
        assertThat(p.path("company_id").asLong()).isEqualTo(5001234L);
        assertThat(p.path("project_id").asLong()).isEqualTo(PROJECT);
        assertThat(p.path("ulid").asString()).hasSize(26);
        assertThat(p.path("id").isIntegralNumber()).isTrue();
        assertThat(p.path("timestamp").asString()).endsWith("Z");
        assertThat(p.path("user_id").asLong()).isPositive();
        assertThat(p.path("metadata").path("source_application_id").isNull()).isTrue();
        assertThat(p.path("metadata").path("source_project_id").asLong()).isEqualTo(PROJECT);

        // a vendor write by an app: a company event (no project) naming the app as its source
        send(sandbox, token, "PATCH", "/rest/v1.0/vendors/3968001", "{\"company_id\":5001234,\"vendor\":{\"city\":\"Salem\"}}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= 2);
        JsonNode vendor = receiver.received.get(1).body();
        assertThat(vendor.path("resource_name").asString()).isEqualTo("Company Vendors");
        assertThat(vendor.path("project_id").isNull()).isTrue();
        assertThat(vendor.path("metadata").path("source_application_id").asString()).isEqualTo(CLIENT_ID);

        Awaitility.await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(receiver.received).hasSize(2);
        List<WebhookDelivery> log = sandbox.webhooks().deliveries();
        assertThat(log).hasSize(2).allSatisfy(d -> {
            assertThat(d.ok()).isTrue();
            assertThat(d.responseStatus()).isEqualTo(200);
            assertThat(d.hookId()).isEqualTo(hookId);
            assertThat(d.latency()).isPositive();
        });
        // the API shows the same deliveries
        assertThat(json(get(sandbox, token, "/rest/v1.0/webhooks/hooks/" + hookId + "/deliveries?company_id=5001234"))).hasSize(2);
    }

    @Test
    void aFailingUrlIsRetriedWithBackOffAndLaterEventsWaitInOrder() {
        start(fast());
        String token = token(sandbox);
        hook(token, "\"company_id\":5001234", receiver.url("/hook"), "[{\"resource_name\":\"Direct Costs\",\"event_type\":\"update\"}]");
        receiver.failFirst.set(3);

        sandbox.data().update(Resource.DIRECT_COSTS, PROJECT, 7400101L, n -> n.put("description", "first"));
        sandbox.data().update(Resource.DIRECT_COSTS, PROJECT, 7400102L, n -> n.put("description", "second"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        // nothing of the second event was sent while the first was failing
        assertThat(receiver.received).hasSize(5);
        assertThat(receiver.received.subList(0, 4)).allSatisfy(r -> assertThat(r.body().path("resource_id").asLong()).isEqualTo(7400101L));
        assertThat(receiver.received.get(4).body().path("resource_id").asLong()).isEqualTo(7400102L);
        List<WebhookDelivery> first = sandbox.webhooks().deliveries(d -> d.resourceId() == 7400101L);
        assertThat(first).extracting(WebhookDelivery::outcome).containsExactly("retried", "retried", "retried", "ok");
        assertThat(first).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3, 4);
        assertThat(first.get(0).responseStatus()).isEqualTo(503);
        // back-off doubles: 50, 100, 200 ms between the attempts
        assertThat(Duration.between(first.get(0).completedAt(), first.get(3).startedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(sandbox.webhooks().pending()).isZero();
    }

    @Test
    void noConnectionIsAFailureAndAUrlFailingTooLongIsDiscarded() {
        start(fast().withDiscardAfter(Duration.ofMillis(600)));
        String token = token(sandbox);
        String deadUrl = receiver.url("/gone");
        receiver.close();
        receiver = null;
        hook(token, "\"company_id\":5001234", deadUrl, "[{\"resource_name\":\"Direct Costs\",\"event_type\":\"update\"}]");

        sandbox.data().update(Resource.DIRECT_COSTS, PROJECT, 7400101L, n -> n.put("description", "a"));
        sandbox.data().update(Resource.DIRECT_COSTS, PROJECT, 7400102L, n -> n.put("description", "b"));

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.webhooks().deliveries(d -> d.outcome().equals("discarded")).size() == 2);
        List<WebhookDelivery> log = sandbox.webhooks().deliveries();
        assertThat(log).filteredOn(d -> d.outcome().equals("retried")).isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.responseStatus()).isZero();
                    assertThat(d.responseError()).isNotBlank();
                    assertThat(d.resourceId()).isEqualTo(7400101L);
                });
        assertThat(log).noneMatch(WebhookDelivery::ok);
        assertThat(sandbox.webhooks().pending()).isZero();
    }

    @Test
    void aSlowReceiverTimesOut() {
        start(fast().withTimeout(Duration.ofMillis(300)).withDiscardAfter(Duration.ofMillis(200)));
        String token = token(sandbox);
        reactor.netty.DisposableServer slow = reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> reactor.core.publisher.Mono.delay(Duration.ofSeconds(2)).then(res.send()))
                .bindNow(Duration.ofSeconds(5));
        try {
            hook(token, "\"company_id\":5001234", "http://127.0.0.1:" + slow.port() + "/slow",
                    "[{\"resource_name\":\"Direct Costs\",\"event_type\":\"update\"}]");
            sandbox.data().update(Resource.DIRECT_COSTS, PROJECT, 7400101L, n -> n.put("description", "slow"));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> !sandbox.webhooks().deliveries(d -> d.outcome().equals("retried")).isEmpty());
            WebhookDelivery d = sandbox.webhooks().deliveries().get(0);
            assertThat(d.responseError()).contains("timeout");
            assertThat(Duration.between(d.startedAt(), d.completedAt())).isLessThan(Duration.ofMillis(1500));
        } finally {
            slow.disposeNow(Duration.ofSeconds(5));
        }
    }
}
