package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_BC_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
import static io.mlconnector.gateway.TestTenants.LAKESIDE_CLIENT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Each entry's clientState is checked against the tenant's; only matching entries are published. Anything else is
 * still answered 200, because BC deletes a subscription on most 4xx answers (docs/api-facts.md).
 */
class BcNotificationClientStateTest extends GatewayIntegrationTest {

    private static final String COMPANY = "companies(" + HARBOR_BC_COMPANY + ")";

    @Test
    void matchingEntriesIncludingCollectionArePublishedAndBadOnesAreDroppedWith200() {
        subscriptionKnown(HARBOR, "c670ea73cacb459bb51dc1740da2f1db", "api/v2.0/" + COMPANY + "/vendors",
                Instant.now().plus(java.time.Duration.ofDays(3)), false);
        subscriptionKnown(HARBOR, "d0000000000000000000000000000002", "api/v2.0/" + COMPANY + "/purchaseInvoices",
                Instant.now().plus(java.time.Duration.ofDays(3)), false);
        Map<TopicPartition, Long> mark = bcTopic.mark();
        String vendorId = UUID.randomUUID().toString();
        String subscription = "c670ea73cacb459bb51dc1740da2f1db";
        String body = """
                { "value": [
                  { "subscriptionId": "%1$s", "clientState": "%2$s", "expirationDateTime": "2026-11-30T10:00:00Z",
                    "resource": "api/v2.0/%3$s/vendors(%4$s)", "changeType": "updated",
                    "lastModifiedDateTime": "2026-11-27T09:59:30.123Z" },
                  { "subscriptionId": "%1$s", "clientState": "%5$s", "expirationDateTime": "2026-11-30T10:00:00Z",
                    "resource": "api/v2.0/%3$s/vendors(%6$s)", "changeType": "created",
                    "lastModifiedDateTime": "2026-11-27T09:59:31Z" },
                  { "subscriptionId": "%1$s", "expirationDateTime": "2026-11-30T10:00:00Z",
                    "resource": "api/v2.0/%3$s/vendors(%6$s)", "changeType": "deleted" },
                  { "subscriptionId": "%1$s", "clientState": "%2$s", "resource": "api/v2.0/%3$s/vendors(%6$s)",
                    "changeType": "renamed" },
                  { "subscriptionId": "%1$s", "clientState": "%2$s",
                    "resource": "api/v2.0/companies(00000000-0000-4000-8000-000000000bad)/vendors(%6$s)",
                    "changeType": "updated" },
                  "not an object",
                  { "subscriptionId": "d0000000000000000000000000000002", "clientState": "%2$s",
                    "expirationDateTime": "2026-11-30T10:00:00Z",
                    "resource": "api/v2.0/%3$s/purchaseInvoices?$filter=lastModifiedDateTime%%20gt%%202026-11-27T09:58:59.950Z",
                    "changeType": "collection", "lastModifiedDateTime": "2026-11-27T09:59:59Z" }
                ] }""".formatted(subscription, HARBOR_CLIENT_STATE, COMPANY, vendorId, LAKESIDE_CLIENT_STATE,
                UUID.randomUUID());

        http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.published").isEqualTo(2)
                .jsonPath("$.ignored").isEqualTo(5);

        List<ConsumerRecord<String, BcNotification>> records = bcTopic.readFrom(mark,
                e -> e.getChangeType().equals("collection"), Duration.ofSeconds(10));
        // read a little longer: nothing else may follow
        records = new java.util.ArrayList<>(records);
        records.addAll(bcTopic.readFrom(Map.of(), e -> false, Duration.ofMillis(500)));
        assertThat(records).hasSize(2);

        ConsumerRecord<String, BcNotification> vendor = records.get(0).value().getChangeType().equals("updated")
                ? records.get(0) : records.get(1);
        assertThat(vendor.key()).isEqualTo(HARBOR + "|vendors|" + vendorId);
        assertThat(vendor.value().getTenantId()).isEqualTo(HARBOR);
        assertThat(vendor.value().getSubscriptionId()).isEqualTo(subscription);
        assertThat(vendor.value().getResource()).isEqualTo("api/v2.0/" + COMPANY + "/vendors(" + vendorId + ")");
        assertThat(vendor.value().getLastModifiedDateTime()).isEqualTo(Instant.parse("2026-11-27T09:59:30.123Z"));

        ConsumerRecord<String, BcNotification> collection = records.get(0) == vendor ? records.get(1) : records.get(0);
        assertThat(collection.key()).isEqualTo(HARBOR + "|purchaseInvoices|*");
        assertThat(collection.value().getResource()).contains("$filter=lastModifiedDateTime");
        // the clientState is a secret: it is in no field of any event
        records.forEach(r -> assertThat(r.value().toString()).doesNotContain(HARBOR_CLIENT_STATE));
    }

    @Test
    void unreadableBodiesAndUnknownTenantsAreAnswered200AndPublishNothing() {
        Map<TopicPartition, Long> mark = bcTopic.mark();
        for (String body : List.of("", "{", "[]", "{\"value\": {}}", "{\"value\": null}", "<xml/>")) {
            http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isOk();
        }
        http.post().uri("/webhooks/bc/{t}", "no-such-tenant").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"value\":[]}").exchange().expectStatus().isOk();
        http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"value\":[{\"clientState\":\"x\",\"padding\":\"" + "x".repeat(1_100_000) + "\"}]}")
                .exchange().expectStatus().isOk();

        assertThat(bcTopic.readFrom(mark, e -> false, Duration.ofSeconds(1))).isEmpty();
    }
}
