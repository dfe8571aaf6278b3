package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Tenant ids are customer names: an attacker must not learn which exist. A Procore delivery to an unknown tenant's
 * URL gets byte for byte the answer a known tenant's URL gives to the same bad token (or no token).
 */
class UnknownTenantAnswersLikeWrongTokenTest extends GatewayIntegrationTest {

    @Test
    void unknownAndKnownTenantsGetTheSameAnswerToABadOrMissingToken() {
        String body = ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 1);
        for (String auth : new String[] {"Bearer not-the-token", "not-the-token", null, "Bearer "}) {
            for (String contentType : new String[] {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE}) {
                EntityExchangeResult<byte[]> known = post(HARBOR, auth, contentType, body);
                EntityExchangeResult<byte[]> unknown = post("no-such-tenant", auth, contentType, body);
                EntityExchangeResult<byte[]> malformedId = post("Not_A_Tenant", auth, contentType, body);
                assertThat(known.getStatus().value()).as("known tenant, auth %s", auth).isEqualTo(401);
                for (EntityExchangeResult<byte[]> other : java.util.List.of(unknown, malformedId)) {
                    assertThat(other.getStatus()).as("status, auth %s", auth).isEqualTo(known.getStatus());
                    assertThat(text(other)).as("body, auth %s", auth).isEqualTo(text(known));
                    assertThat(other.getResponseHeaders().getContentType())
                            .isEqualTo(known.getResponseHeaders().getContentType());
                }
            }
        }
    }

    private EntityExchangeResult<byte[]> post(String tenant, String auth, String contentType, String body) {
        var request = http.post().uri("/webhooks/procore/{t}", tenant).header("Content-Type", contentType);
        if (auth != null) {
            request = request.header("Authorization", auth);
        }
        return request.bodyValue(body).exchange().expectBody().returnResult();
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }
}
