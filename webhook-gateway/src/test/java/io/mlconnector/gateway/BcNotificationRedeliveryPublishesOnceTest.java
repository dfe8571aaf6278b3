package io.mlconnector.gateway;

import static io.mlconnector.gateway.BcNotifications.body;
import static io.mlconnector.gateway.BcNotifications.entry;
import static io.mlconnector.gateway.BcNotifications.newVendor;
import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_BC_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcNotification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * BC sends the whole notification again after a 5xx or an answer it did not get: within the dedupe window each
 * entry is published once, however often it arrives; a later change to the same record (a new
 * lastModifiedDateTime) is a new entry and is published.
 */
class BcNotificationRedeliveryPublishesOnceTest extends GatewayIntegrationTest {

    @Test
    void theSameNotificationSentFiveTimesIsPublishedOnceAndALaterChangeAgain() {
        String live = liveSubscription(HARBOR, HARBOR_BC_COMPANY, "vendors");
        String vendorA = newVendor(HARBOR_BC_COMPANY);
        String vendorB = newVendor(HARBOR_BC_COMPANY);
        String notification = body(
                entry(live, HARBOR_CLIENT_STATE, vendorA, "updated", "2026-11-27T09:59:30.123Z"),
                entry(live, HARBOR_CLIENT_STATE, vendorB, "created", "2026-11-27T09:59:31Z"));
        Map<TopicPartition, Long> mark = bcTopic.mark();

        post(notification).jsonPath("$.published").isEqualTo(2).jsonPath("$.duplicates").isEqualTo(0);
        for (int redelivery = 0; redelivery < 4; redelivery++) {
            post(notification).jsonPath("$.published").isEqualTo(0).jsonPath("$.duplicates").isEqualTo(2);
        }
        post(body(entry(live, HARBOR_CLIENT_STATE, vendorA, "updated", "2026-11-27T10:05:00Z")))
                .jsonPath("$.published").isEqualTo(1);

        List<ConsumerRecord<String, BcNotification>> records = new ArrayList<>(bcTopic.readFrom(mark,
                e -> e.getLastModifiedDateTime() != null && e.getLastModifiedDateTime().toString().startsWith("2026-11-27T10:05"),
                Duration.ofSeconds(10)));
        records.addAll(bcTopic.readFrom(Map.of(), e -> false, Duration.ofMillis(500)));
        assertThat(records).extracting(r -> r.value().getResource()).containsExactlyInAnyOrder(vendorA, vendorB,
                vendorA);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec post(String body) {
        return http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody();
    }
}
