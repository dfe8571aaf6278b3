package io.mlconnector.oauth;

import io.mlconnector.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.oauth.LoopbackHttpServer.Answer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantTest {

    private static final String SECRET = "bc-sandbox-secret";
    private static final String BC_SCOPE = "https://api.businesscentral.dynamics.com/.default";
    /** Entra ID's answer to a wrong client secret (shape as documented for the v2.0 token endpoint). */
    private static final String ENTRA_INVALID_CLIENT = """
            {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. \
            Ensure the secret being sent in the request is the client secret value, not the client secret ID, \
            for a secret added to app 'harbor-ridge-bc-app'.\\r\\nTrace ID: 0b6f1c9e-3a44-4f2e-9d7c-1e2f3a4b5c00\
            \\r\\nCorrelation ID: 7d8e9f00-1111-4222-8333-944455556666\\r\\nTimestamp: 2026-10-05 14:30:00Z",\
            "error_codes":[7000215],"timestamp":"2026-10-05 14:30:00Z",\
            "trace_id":"0b6f1c9e-3a44-4f2e-9d7c-1e2f3a4b5c00","correlation_id":"7d8e9f00-1111-4222-8333-944455556666"}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00Z"));
    private LoopbackHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheClientCredentialsFormAndReadsTheToken() {
        server = new LoopbackHttpServer((n, request) -> Answer.token("bc-token-1", 3599));

        AccessToken token = grant("/7c1d2e3f-0000-4000-8000-00000000b001/oauth2/v2.0/token", BC_SCOPE)
                .requestToken().block(Duration.ofSeconds(10));

        assertThat(token.value()).isEqualTo("bc-token-1");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-10-05T15:29:59Z"));
        LoopbackHttpServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/7c1d2e3f-0000-4000-8000-00000000b001/oauth2/v2.0/token");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.accept()).contains("application/json");
        assertThat(form(request.body())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "client_credentials",
                "client_id", "harbor-ridge-bc-app",
                "client_secret", SECRET,
                "scope", BC_SCOPE));
    }

    @Test
    void procoreSendsNoScopeAndMayAnswerExpiresInAsText() {
        server = new LoopbackHttpServer((n, request) -> Answer.json(200,
                "{\"access_token\":\"procore-token\",\"token_type\":\"bearer\",\"expires_in\":\"5400\",\"created_at\":1791210600}"));

        AccessToken token = grant("/oauth/token", null).requestToken().block(Duration.ofSeconds(10));

        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(5400));
        assertThat(form(server.requests().get(0).body())).doesNotContainKey("scope");
    }

    @Test
    void anEntraErrorCarriesTheAadstsCodeButNeitherTheSecretNorTheTraceLines() {
        server = new LoopbackHttpServer((n, request) -> Answer.json(401, ENTRA_INVALID_CLIENT));

        assertThatThrownBy(() -> grant("/t/oauth2/v2.0/token", BC_SCOPE).requestToken().block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("AADSTS7000215")
                .hasMessageContaining("bc:harbor-ridge")
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("Trace ID");
        assertThat(server.requestCount()).as("a refused secret is not retried").isEqualTo(1);
    }

    @Test
    void aServiceUnavailableAnswerIsRetried() {
        server = new LoopbackHttpServer((n, request) -> n == 1
                ? Answer.json(503, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS50196: try later\"}")
                : Answer.token("bc-token-2", 3599));

        AccessToken token = grant("/t/oauth2/v2.0/token", BC_SCOPE).requestToken().block(Duration.ofSeconds(10));

        assertThat(token.value()).isEqualTo("bc-token-2");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aServiceUnavailablePageThatIsNotJsonIsRetriedToo() {
        // Gateways in front of token endpoints answer 502/503 with HTML, not OAuth JSON.
        server = new LoopbackHttpServer((n, request) -> n == 1
                ? new Answer(503, "text/html", "<html><body>Service Unavailable</body></html>", Duration.ZERO)
                : Answer.token("bc-token-2", 3599));

        AccessToken token = grant("/t/oauth2/v2.0/token", BC_SCOPE).requestToken().block(Duration.ofSeconds(10));

        assertThat(token.value()).isEqualTo("bc-token-2");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aSuccessWithoutATokenIsAnError() {
        server = new LoopbackHttpServer((n, request) -> Answer.json(200, "{\"token_type\":\"Bearer\"}"));

        assertThatThrownBy(() -> grant("/oauth/token", null).requestToken().block(Duration.ofSeconds(10)))
                .isInstanceOf(TokenRequestException.class)
                .hasMessageContaining("HTTP 200");
    }

    private ClientCredentialsGrant grant(String path, String scope) {
        return new ClientCredentialsGrant(scope == null ? "procore:harbor-ridge" : "bc:harbor-ridge", TestHttp.client(),
                server.uri(path), scope == null ? "harbor-ridge-procore" : "harbor-ridge-bc-app", Secret.of(SECRET),
                scope, clock);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> decode(kv[0]), kv -> kv.length > 1 ? decode(kv[1]) : ""));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
