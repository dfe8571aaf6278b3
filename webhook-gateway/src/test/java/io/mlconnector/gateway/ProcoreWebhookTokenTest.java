package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_TOKEN;
import static io.mlconnector.gateway.TestTenants.LAKESIDE;
import static io.mlconnector.gateway.TestTenants.LAKESIDE_COMPANY;
import static io.mlconnector.gateway.TestTenants.LAKESIDE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.ProcoreWebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The shared header token: only the right tenant's token, on that tenant's URL, gets a delivery published. */
class ProcoreWebhookTokenTest extends GatewayIntegrationTest {

    @Test
    void rightTokenPublishesTheDeliveryWithTenantKeyAndFields() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        String ulid = ProcorePayloads.ulid();

        post(HARBOR, "Bearer " + HARBOR_TOKEN, ProcorePayloads.v2(ulid, HARBOR_COMPANY, 786001))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.deliveryId").isEqualTo(ulid);

        List<ConsumerRecord<String, ProcoreWebhookEvent>> records =
                procoreTopic.readFrom(mark, e -> e.getDeliveryId().equals(ulid), Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, ProcoreWebhookEvent> record = records.get(0);
        assertThat(record.key()).isEqualTo("harbor-ridge|Work Order Contracts|786001");
        ProcoreWebhookEvent event = record.value();
        assertThat(event.getTenantId()).isEqualTo(HARBOR);
        assertThat(event.getResourceName()).isEqualTo("Work Order Contracts");
        assertThat(event.getResourceId()).isEqualTo("786001");
        assertThat(event.getEventType()).isEqualTo("update");
        assertThat(event.getCompanyId()).isEqualTo(HARBOR_COMPANY);
        assertThat(event.getProjectId()).isEqualTo(2001001L);
        assertThat(event.getOccurredAt()).isEqualTo(java.time.Instant.parse("2026-10-01T15:22:01.353Z"));
        assertThat(event.getObservedAt()).isNotNull();
    }

    @Test
    void bareTokenWithoutBearerPrefixIsAccepted() {
        post(HARBOR, HARBOR_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 786002))
                .expectStatus().isAccepted();
    }

    @Test
    void wrongMissingAndOtherTenantsTokensAreRefusedAndPublishNothing() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();

        post(HARBOR, "Bearer " + HARBOR_TOKEN + "x", ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 1))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("wrong_token");
        post(HARBOR, "Bearer " + HARBOR_TOKEN.substring(0, HARBOR_TOKEN.length() - 1),
                ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 2))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("wrong_token");
        post(HARBOR, null, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 3))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("missing_token");
        post(HARBOR, "Bearer ", ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 4))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("missing_token");
        // another tenant's perfectly valid token never opens this tenant's URL, with either company id
        post(HARBOR, "Bearer " + LAKESIDE_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 5))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("wrong_token");
        post(HARBOR, "Bearer " + LAKESIDE_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), LAKESIDE_COMPANY, 6))
                .expectStatus().isUnauthorized();
        post(LAKESIDE, "Bearer " + HARBOR_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), LAKESIDE_COMPANY, 7))
                .expectStatus().isUnauthorized();
        // unknown tenant: the same 401 a known tenant with a wrong token gets (no enumeration of tenant ids)
        post("no-such-tenant", "Bearer " + HARBOR_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 8))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("wrong_token");
        post("UPPER_case", "Bearer " + HARBOR_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 9))
                .expectStatus().isUnauthorized();

        String sentinel = ProcorePayloads.ulid();
        post(LAKESIDE, "Bearer " + LAKESIDE_TOKEN, ProcorePayloads.v2(sentinel, LAKESIDE_COMPANY, 10))
                .expectStatus().isAccepted();
        List<ConsumerRecord<String, ProcoreWebhookEvent>> records =
                procoreTopic.readFrom(mark, e -> e.getDeliveryId().equals(sentinel), Duration.ofSeconds(10));
        assertThat(records).extracting(r -> r.value().getDeliveryId()).containsExactly(sentinel);
        assertThat(records.get(0).value().getTenantId()).isEqualTo(LAKESIDE);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String tenant, String auth,
                                                                                        String body) {
        var request = http.post().uri("/webhooks/procore/{tenant}", tenant).contentType(MediaType.APPLICATION_JSON);
        if (auth != null) {
            request = request.header("Authorization", auth);
        }
        return request.bodyValue(body).exchange();
    }
}
