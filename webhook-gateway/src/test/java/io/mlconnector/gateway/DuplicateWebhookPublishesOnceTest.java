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
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Procore delivers at least once (Procore docs: webhooks): a redelivered event must reach the topic once. */
class DuplicateWebhookPublishesOnceTest extends GatewayIntegrationTest {

    @Test
    void sameUlidDeliveredThreeTimesIsPublishedOnceAndDuplicatesGet200() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        String ulid = ProcorePayloads.ulid();
        String body = ProcorePayloads.v2(ulid, HARBOR_COMPANY, 786010);

        post(HARBOR, HARBOR_TOKEN, body).expectStatus().isAccepted();
        post(HARBOR, HARBOR_TOKEN, body).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
        // a redelivery has the same ulid even if Procore re-serialises it (another id, another timestamp)
        post(HARBOR, HARBOR_TOKEN, ProcorePayloads.v2(ulid, HARBOR_COMPANY, 786010))
                .expectStatus().isOk();

        assertThat(eventsAfter(mark, ulid)).hasSize(1);
    }

    @Test
    void idIsTheDeliveryIdWhenThereIsNoUlidAndV4IdsDedupeToo() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        long id = ProcorePayloads.eventId();
        String noUlid = """
                { "id": %d, "event_type": "delete", "resource_name": "Direct Costs", "resource_id": 90000002,
                  "company_id": %d, "project_id": 2001001 }""".formatted(id, HARBOR_COMPANY);
        post(HARBOR, HARBOR_TOKEN, noUlid).expectStatus().isAccepted();
        post(HARBOR, HARBOR_TOKEN, noUlid).expectStatus().isOk();

        String v4Id = ProcorePayloads.ulid();
        post(HARBOR, HARBOR_TOKEN, ProcorePayloads.v4(v4Id, HARBOR_COMPANY)).expectStatus().isAccepted();
        post(HARBOR, HARBOR_TOKEN, ProcorePayloads.v4(v4Id, HARBOR_COMPANY)).expectStatus().isOk();

        assertThat(eventsAfter(mark, v4Id)).extracting(r -> r.value().getDeliveryId())
                .containsExactlyInAnyOrder(Long.toString(id), v4Id);
    }

    @Test
    void sameDeliveryIdForTwoTenantsIsNotADuplicate() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        String ulid = ProcorePayloads.ulid();
        post(HARBOR, HARBOR_TOKEN, ProcorePayloads.v2(ulid, HARBOR_COMPANY, 1)).expectStatus().isAccepted();
        post(LAKESIDE, LAKESIDE_TOKEN, ProcorePayloads.v2(ulid, LAKESIDE_COMPANY, 1)).expectStatus().isAccepted();

        List<ConsumerRecord<String, ProcoreWebhookEvent>> records = procoreTopic.readFrom(mark,
                e -> e.getTenantId().equals(LAKESIDE) && e.getDeliveryId().equals(ulid), Duration.ofSeconds(10));
        assertThat(records).extracting(r -> r.value().getTenantId()).containsExactlyInAnyOrder(HARBOR, LAKESIDE);
    }

    @Test
    void concurrentRedeliveriesOfOneEventPublishItOnceAndNoneIsLost() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        String ulid = ProcorePayloads.ulid();
        String body = ProcorePayloads.v2(ulid, HARBOR_COMPANY, 786020);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        Flux.range(0, 16)
                .flatMap(i -> org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port)
                        .post().uri("/webhooks/procore/{t}", HARBOR)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + HARBOR_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 16)
                .doOnNext(status -> statuses.merge(status, 1, Integer::sum))
                .blockLast(Duration.ofSeconds(20));

        // exactly one was accepted; the others are duplicates (200) or asked to retry while it was in flight (503)
        assertThat(statuses.get(202)).isEqualTo(1);
        assertThat(statuses.keySet()).isSubsetOf(200, 202, 503);
        assertThat(eventsAfter(mark, ulid)).hasSize(1);
    }

    private List<ConsumerRecord<String, ProcoreWebhookEvent>> eventsAfter(Map<TopicPartition, Long> mark, String last) {
        // a sentinel after everything: once it is read, anything published before it has been read too
        String sentinel = ProcorePayloads.ulid();
        post(HARBOR, HARBOR_TOKEN, ProcorePayloads.v2(sentinel, HARBOR_COMPANY, 999999)).expectStatus().isAccepted();
        return procoreTopic.readFrom(mark, e -> e.getDeliveryId().equals(sentinel), Duration.ofSeconds(10)).stream()
                .filter(r -> !r.value().getDeliveryId().equals(sentinel))
                .toList();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String tenant, String token,
                                                                                        String body) {
        return http.post().uri("/webhooks/procore/{t}", tenant).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
