package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * BC validates the notification URL on create and on every renewal with {@code ?validationToken=} and needs the
 * token back as the plain-text body within 5 s, or the subscription is not created/renewed (dynamics-subscriptions).
 */
class BcValidationHandshakeTest extends GatewayIntegrationTest {

    @Test
    void validationTokenIsEchoedExactlyAsPlainTextAndFast() {
        String token = "b3c0f9d2-7a41-4e8f-9a8e-1d2c3b4a5f60:Zm9vYmFy+/=?&é";
        // values are strictly encoded by the URI template, so + / = ? & survive the trip
        long started = System.nanoTime();
        byte[] body = http.post().uri("/webhooks/bc/{t}?validationToken={v}", HARBOR, token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody().returnResult().getResponseBody();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(token);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void handshakeWithAJsonBodyStillEchoesTheToken() {
        http.post().uri("/webhooks/bc/{t}?validationToken={v}", HARBOR, "abc123")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("abc123");
    }

    @Test
    void handshakeByGetIsAnsweredToo() {
        http.get().uri("/webhooks/bc/{t}?validationToken={v}", HARBOR, "via-get")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("via-get");
    }

    @Test
    void unknownTenantHandshakeIsRefusedSoNoSubscriptionIsCreatedForIt() {
        http.post().uri("/webhooks/bc/{t}?validationToken={v}", "no-such-tenant", "abc123")
                .exchange()
                .expectStatus().isNotFound();
    }
}
