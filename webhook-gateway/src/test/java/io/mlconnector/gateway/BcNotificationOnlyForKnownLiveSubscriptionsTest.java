package io.mlconnector.gateway;

import static io.mlconnector.gateway.BcNotifications.body;
import static io.mlconnector.gateway.BcNotifications.entry;
import static io.mlconnector.gateway.BcNotifications.newVendor;
import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_BC_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
import static io.mlconnector.gateway.TestTenants.LAKESIDE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A valid clientState is not enough: an entry is published only for one of the tenant's subscriptions that
 * vendor-sync reported live (not expired, not deleted), for a resource in the tenant's BC company and in that
 * subscription's entity set, without control characters, in a JSON body. Everything else is still answered 200
 * (a 4xx makes BC delete the subscription) and publishes nothing.
 */
class BcNotificationOnlyForKnownLiveSubscriptionsTest extends GatewayIntegrationTest {

    private static final String OTHER_COMPANY = "00000000-0000-4000-8000-000000000bad";

    @Test
    void entriesOfUnknownExpiredDeletedOrForeignSubscriptionsAndResourcesArePublishedNever() {
        String live = liveSubscription(HARBOR, HARBOR_BC_COMPANY, "vendors");
        String expired = "expired" + System.nanoTime();
        subscriptionKnown(HARBOR, expired, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/vendors",
                Instant.now().minus(Duration.ofMinutes(1)), false);
        String deleted = "deleted" + System.nanoTime();
        subscriptionKnown(HARBOR, deleted, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/vendors",
                Instant.now().plus(Duration.ofDays(2)), true);
        String lakesides = liveSubscription(LAKESIDE, HARBOR_BC_COMPANY, "vendors");
        String cs = HARBOR_CLIENT_STATE;
        String now = "2026-11-27T09:59:30.123Z";
        String good = newVendor(HARBOR_BC_COMPANY);

        Map<TopicPartition, Long> mark = bcTopic.mark();
        http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON).bodyValue(body(
                        entry("never-made-0001", cs, newVendor(HARBOR_BC_COMPANY), "updated", now),
                        entry(expired, cs, newVendor(HARBOR_BC_COMPANY), "updated", now),
                        entry(deleted, cs, newVendor(HARBOR_BC_COMPANY), "updated", now),
                        entry(lakesides, cs, newVendor(HARBOR_BC_COMPANY), "updated", now),
                        entry(live, cs, newVendor(OTHER_COMPANY), "updated", now),
                        entry(live, cs, "api/v2.0/vendors(" + java.util.UUID.randomUUID() + ")", "updated", now),
                        entry(live, cs, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/accounts("
                                + java.util.UUID.randomUUID() + ")", "updated", now),
                        entry(live, cs, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/vendors(a\\r\\nb)", "updated",
                                now),
                        entry(live, cs, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/vendors(\\u001b[31mx)",
                                "updated", now),
                        entry(live + "\\n", cs, newVendor(HARBOR_BC_COMPANY), "updated", now),
                        entry(live, cs, good, "updated", now)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.published").isEqualTo(1)
                .jsonPath("$.ignored").isEqualTo(10);

        List<ConsumerRecord<String, BcNotification>> records =
                bcTopic.readFrom(mark, e -> e.getResource().equals(good), Duration.ofSeconds(10));
        records = new java.util.ArrayList<>(records);
        records.addAll(bcTopic.readFrom(Map.of(), e -> false, Duration.ofMillis(500)));
        assertThat(records).extracting(r -> r.value().getResource()).containsExactly(good);
        assertThat(records.get(0).value().getSubscriptionId()).isEqualTo(live);
    }

    @Test
    void aNotificationThatIsNotJsonIsAnswered200AndPublishesNothing() {
        String live = liveSubscription(HARBOR, HARBOR_BC_COMPANY, "vendors");
        String valid = body(entry(live, HARBOR_CLIENT_STATE, newVendor(HARBOR_BC_COMPANY), "updated",
                "2026-11-27T09:59:30.123Z"));
        Map<TopicPartition, Long> mark = bcTopic.mark();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
            http.post().uri("/webhooks/bc/{t}", HARBOR).header("Content-Type", type).bodyValue(valid)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.published").isEqualTo(0);
        }
        http.post().uri("/webhooks/bc/{t}", HARBOR).bodyValue(valid.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.published").isEqualTo(0);
        assertThat(bcTopic.readFrom(mark, e -> false, Duration.ofSeconds(1))).isEmpty();
    }
}
