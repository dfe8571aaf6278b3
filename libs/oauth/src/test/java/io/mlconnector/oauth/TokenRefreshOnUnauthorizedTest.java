package io.mlconnector.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.LoopbackHttpServer.Answer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/** A token revoked or rotated on the server's side before its expiry: refresh once, retry once, never loop. */
class TokenRefreshOnUnauthorizedTest {

    private static final Answer UNAUTHORIZED = Answer.json(401,
            "{\"error\":{\"code\":\"Authentication_InvalidCredentials\",\"message\":\"The credentials provided are incorrect\"}}");

    private LoopbackHttpServer tokenServer;
    private LoopbackHttpServer api;

    @AfterEach
    void stop() {
        tokenServer.close();
        api.close();
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesTheRequestOnce() {
        start(bearer -> bearer.equals("Bearer token-2"));

        ResponseEntity<String> response = client().post().uri(api.uri("/v2.0/companies(5a1e)/purchaseInvoices"))
                .bodyValue("{\"vendorNumber\":\"V1010\"}")
                .retrieve().toEntity(String.class).block(Duration.ofSeconds(10));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(tokenServer.requestCount()).isEqualTo(2);
        assertThat(api.requests()).extracting(LoopbackHttpServer.Request::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(api.requests()).extracting(LoopbackHttpServer.Request::body)
                .as("the retried request carries its body again")
                .containsExactly("{\"vendorNumber\":\"V1010\"}", "{\"vendorNumber\":\"V1010\"}");
    }

    @Test
    void aSecond401IsReturnedToTheCallerNotLooped() {
        start(bearer -> false); // e.g. the app lost its BC permission set: no token will do

        ResponseEntity<String> response = client().get().uri(api.uri("/v2.0/companies"))
                .exchangeToMono(r -> r.toEntity(String.class)).block(Duration.ofSeconds(10));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(tokenServer.requestCount()).isEqualTo(2);
    }

    @Test
    void otherErrorsAreNotTreatedAsExpiry() {
        tokenServer = new LoopbackHttpServer((n, request) -> Answer.token("token-" + n, 3600));
        api = new LoopbackHttpServer((n, request) -> Answer.json(403, "{\"error\":{\"code\":\"Authorization_RequestDenied\"}}"));

        ResponseEntity<String> response = client().get().uri(api.uri("/v2.0/companies"))
                .exchangeToMono(r -> r.toEntity(String.class)).block(Duration.ofSeconds(10));

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(api.requestCount()).isEqualTo(1);
        assertThat(tokenServer.requestCount()).isEqualTo(1);
    }

    private void start(Predicate<String> accepted) {
        tokenServer = new LoopbackHttpServer((n, request) -> Answer.token("token-" + n, 3600));
        api = new LoopbackHttpServer((n, request) -> request.authorization() != null && accepted.test(request.authorization())
                ? Answer.json(200, "{\"value\":[]}")
                : UNAUTHORIZED);
    }

    private WebClient client() {
        ClientCredentialsGrant grant = new ClientCredentialsGrant("bc:harbor-ridge", TestHttp.client(),
                tokenServer.uri("/t/oauth2/v2.0/token"), "harbor-ridge-bc-app", Secret.of("bc-sandbox-secret"),
                "https://api.businesscentral.dynamics.com/.default", Clock.systemUTC());
        CachingTokenProvider tokens = new CachingTokenProvider("bc:harbor-ridge", grant, Duration.ofMinutes(5),
                Clock.systemUTC());
        return TestHttp.client(new BearerTokenFilter(tokens));
    }
}
