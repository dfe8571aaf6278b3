package io.mlconnector.gateway;

import static io.mlconnector.gateway.BcNotifications.body;
import static io.mlconnector.gateway.BcNotifications.entry;
import static io.mlconnector.gateway.BcNotifications.newVendor;
import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_BC_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcNotification;
import io.mlconnector.schemas.BcNotificationResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * One request with 1,000 valid entries no longer turns into 1,000 Kafka events: over {@code max-entries} (100) the
 * valid entries are published as one {@code collection} change per subscription, filtered from the earliest change
 * (less BC's 50 ms), the way BC folds large change sets itself; with a delete among them, without a filter (re-read
 * everything). Nothing is lost and BC still gets 200.
 */
class BcNotificationOverMaxEntriesIsFoldedTest extends GatewayIntegrationTest {

    @Test
    void aThousandValidEntriesArePublishedAsOneCollectionChangePerSubscription() {
        String vendors = liveSubscription(HARBOR, HARBOR_BC_COMPANY, "vendors");
        String accounts = liveSubscription(HARBOR, HARBOR_BC_COMPANY, "accounts");
        Instant first = Instant.parse("2026-11-27T09:00:00Z");
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(entry(vendors, HARBOR_CLIENT_STATE, newVendor(HARBOR_BC_COMPANY), "updated",
                    first.plusSeconds(i).toString()));
        }
        entries.add(entry(accounts, HARBOR_CLIENT_STATE, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/accounts("
                + java.util.UUID.randomUUID() + ")", "updated", "2026-11-27T09:30:00Z"));
        entries.add(entry(accounts, HARBOR_CLIENT_STATE, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/accounts("
                + java.util.UUID.randomUUID() + ")", "deleted", null));
        entries.add(entry(vendors, "not-the-client-state", newVendor(HARBOR_BC_COMPANY), "updated",
                "2026-11-27T08:00:00Z"));
        Map<TopicPartition, Long> mark = bcTopic.mark();

        http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON).bodyValue(body(entries))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.published").isEqualTo(2)
                .jsonPath("$.folded").isEqualTo(1002)
                .jsonPath("$.ignored").isEqualTo(1);

        List<ConsumerRecord<String, BcNotification>> records = new ArrayList<>(bcTopic.readFrom(mark, e -> false,
                Duration.ofSeconds(2)));
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.value().getChangeType()).isEqualTo("collection"));
        ConsumerRecord<String, BcNotification> vendorChange = records.stream()
                .filter(r -> r.value().getSubscriptionId().equals(vendors)).findFirst().orElseThrow();
        assertThat(vendorChange.key()).isEqualTo(HARBOR + "|vendors|*");
        BcNotificationResource vendorResource = BcNotificationResource.parse(vendorChange.value().getResource())
                .orElseThrow();
        assertThat(vendorResource.isWholeCollection()).isTrue();
        assertThat(vendorResource.companyId()).isEqualTo(HARBOR_BC_COMPANY);
        assertThat(vendorResource.modifiedSince()).contains(first.minusMillis(50));
        assertThat(vendorChange.value().getLastModifiedDateTime()).isEqualTo(first.plusSeconds(999));

        ConsumerRecord<String, BcNotification> accountChange = records.stream()
                .filter(r -> r.value().getSubscriptionId().equals(accounts)).findFirst().orElseThrow();
        assertThat(accountChange.key()).isEqualTo(HARBOR + "|accounts|*");
        assertThat(BcNotificationResource.parse(accountChange.value().getResource()).orElseThrow().modifiedSince())
                .as("a delete cannot be found by modification time: re-read everything").isEmpty();
    }
}
