package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A webhook URL called with a method it does not serve says so (405 with the {@code Allow} header, RFC 9110
 * §15.5.6) instead of pretending the URL does not exist (404), for known and unknown tenants alike, and publishes
 * nothing.
 */
class WrongMethodAnswers405Test extends GatewayIntegrationTest {

    @Test
    void otherMethodsOnTheProcoreUrlGet405AllowPost() {
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH,
                HttpMethod.OPTIONS}) {
            for (String tenant : new String[] {HARBOR, "no-such-tenant"}) {
                http.method(method).uri("/webhooks/procore/{t}", tenant).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(ProcorePayloads.v2(ProcorePayloads.ulid(), TestTenants.HARBOR_COMPANY, 1))
                        .exchange()
                        .expectStatus().isEqualTo(405)
                        .expectHeader().valueEquals("Allow", "POST")
                        .expectBody().jsonPath("$.reason").isEqualTo("method_not_allowed");
            }
        }
        assertThat(procoreTopic.readFrom(mark, e -> false, java.time.Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void otherMethodsOnTheBcUrlGet405AllowGetPost() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH}) {
            http.method(method).uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"value\":[]}")
                    .exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().valueEquals("Allow", "GET,POST")
                    .expectBody().jsonPath("$.reason").isEqualTo("method_not_allowed");
        }
    }
}
