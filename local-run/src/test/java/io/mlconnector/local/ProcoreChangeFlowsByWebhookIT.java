package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.sandbox.procore.WebhookDelivery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook path end to end, as against Procore: procore-ingest registers the tenant's hook at start (gateway URL,
 * shared token); after the first sync a project manager approves a pending direct cost in Procore; Procore delivers
 * the event to the gateway, which publishes it; ingest fetches the record and publishes the new version; it is mapped
 * and posted to BC — with no second sync.
 */
class ProcoreChangeFlowsByWebhookIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final long PROJECT = 2001001L;
    /** BuildSafe Scaffolding invoice BSS-7731, 5,480.00 on 01-100 x E: pending in the demo data (demo-data/procore/README.md). */
    private static final long PENDING_DIRECT_COST = 7400106L;

    @Test
    void approvingAPendingDirectCostInProcorePostsItThroughTheWebhookWithoutAnotherSync(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        LocalOptions options = LocalOptions.parse(List.of("--once", "--state-dir", temp.toString()), HOME);
        try (LocalRun run = LocalRun.start(options, System.out)) {
            var procore = run.stack().procore;
            SandboxCompany bc = run.stack().bc.company();

            // registration runs in the background at ingest start: one company hook, pointing at the gateway
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> procore.webhooks().hooks().stream()
                    .anyMatch(h -> h.path("triggers").size() > 0));
            List<ObjectNode> hooks = procore.webhooks().hooks();
            assertThat(hooks).singleElement().satisfies(h -> {
                assertThat(h.path("namespace").asString()).isEqualTo("ml-connector");
                assertThat(h.path("owned_by_company_id").asLong()).isEqualTo(LocalStack.PROCORE_COMPANY);
                assertThat(h.path("destination_url").asString()).endsWith("/webhooks/procore/" + LocalStack.TENANT_ID);
                assertThat(h.path("triggers")).anyMatch(t -> t.path("resource_name").asString().equals("Direct Costs")
                        && t.path("event_type").asString().equals("update"));
            });

            RunSummary first = run.syncOnce();
            assertThat(first.failed()).isEmpty();
            assertThat(BcInvoices.posted(bc, "DC-" + PENDING_DIRECT_COST)).as("pending: not posted").isEmpty();
            procore.webhooks().clearDeliveries();

            Instant approved = Instant.now();
            procore.data().update(Resource.DIRECT_COSTS, PROJECT, PENDING_DIRECT_COST, n -> n.put("status", "approved"));

            // no syncOnce(): only the webhook can carry the change
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !BcInvoices.posted(bc, "DC-" + PENDING_DIRECT_COST).isEmpty());
            Duration endToEnd = Duration.between(approved, Instant.now());

            JsonNode invoice = BcInvoices.posted(bc, "DC-" + PENDING_DIRECT_COST).get(0);
            assertThat(invoice.path("totalAmountIncludingTax").decimalValue()).isEqualByComparingTo("5480.00");
            List<WebhookDelivery> deliveries = procore.webhooks().deliveries(d -> d.resourceId() == PENDING_DIRECT_COST);
            assertThat(deliveries).as("the gateway answered Procore's delivery 2xx, first time").singleElement()
                    .satisfies(d -> {
                        assertThat(d.ok()).isTrue();
                        assertThat(d.responseStatus()).isBetween(200, 299);
                        assertThat(d.eventType()).isEqualTo("update");
                        assertThat(d.resourceName()).isEqualTo("Direct Costs");
                    });
            System.out.printf("webhook flow: Procore change -> gateway answered %d in %d ms (delivery latency); "
                            + "change -> posted in BC in %d ms%n", deliveries.get(0).responseStatus(),
                    deliveries.get(0).latency().toMillis(), endToEnd.toMillis());
        }
    }
}
