package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.ProcoreWebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** v3.0 (extra related_resources) and v4.0 (string ids, reason, resource_type) read into the same event. */
class ProcorePayloadVersionsAcceptedTest extends GatewayIntegrationTest {

    @Test
    void v3AndV4DeliveriesArePublishedWithNormalisedFields() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        String v3 = ProcorePayloads.ulid();
        String v4 = ProcorePayloads.ulid();
        post(ProcorePayloads.v3(v3, HARBOR_COMPANY));
        post(ProcorePayloads.v4(v4, HARBOR_COMPANY));

        List<ConsumerRecord<String, ProcoreWebhookEvent>> records =
                procoreTopic.readFrom(mark, e -> e.getDeliveryId().equals(v4), Duration.ofSeconds(10));
        assertThat(records).hasSize(2);
        ConsumerRecord<String, ProcoreWebhookEvent> third = records.stream()
                .filter(r -> r.value().getDeliveryId().equals(v3)).findFirst().orElseThrow();
        assertThat(third.key()).isEqualTo("harbor-ridge|Direct Cost Line Items|91000001");
        assertThat(third.value().getEventType()).isEqualTo("create");

        ConsumerRecord<String, ProcoreWebhookEvent> fourth = records.stream()
                .filter(r -> r.value().getDeliveryId().equals(v4)).findFirst().orElseThrow();
        assertThat(fourth.key()).isEqualTo("harbor-ridge|Purchase Order Contracts|786001");
        assertThat(fourth.value().getEventType()).isEqualTo("update");
        assertThat(fourth.value().getCompanyId()).isEqualTo(HARBOR_COMPANY);
        assertThat(fourth.value().getProjectId()).isEqualTo(2001003L);
        assertThat(fourth.value().getResourceId()).isEqualTo("786001");
    }

    private void post(String body) {
        http.post().uri("/webhooks/procore/{t}", HARBOR).header("Authorization", "Bearer " + HARBOR_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isAccepted();
    }
}
