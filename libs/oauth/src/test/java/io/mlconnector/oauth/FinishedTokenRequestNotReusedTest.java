package io.mlconnector.oauth;

import io.mlconnector.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.LoopbackHttpServer.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller that asks again while the previous token request is delivering its token (the 401 path does this
 * when a brand-new token is refused at once) must get a new request, not the finished request's cached token.
 * Asking from inside the first token's onNext makes that window deterministic.
 */
class FinishedTokenRequestNotReusedTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00Z"));
    private LoopbackHttpServer tokenServer;
    private CachingTokenProvider tokens;

    @BeforeEach
    void start() {
        tokenServer = new LoopbackHttpServer((n, request) -> Answer.token("token-" + n, 3600));
        ClientCredentialsGrant grant = new ClientCredentialsGrant("bc:harbor-ridge", TestHttp.client(),
                tokenServer.uri("/t/oauth2/v2.0/token"), "harbor-ridge-bc-app", Secret.of("bc-sandbox-secret"),
                "https://api.businesscentral.dynamics.com/.default", clock);
        tokens = new CachingTokenProvider("bc:harbor-ridge", grant, Duration.ofMinutes(5), clock);
    }

    @AfterEach
    void stop() {
        tokenServer.close();
    }

    @Test
    void aTokenRejectedAsSoonAsItArrivesIsReplaced() {
        AccessToken replacement = tokens.token()
                .flatMap(fresh -> tokens.tokenAfterRejection(fresh))
                .block(Duration.ofSeconds(10));

        assertThat(replacement.value()).isEqualTo("token-2");
        assertThat(tokenServer.requestCount()).isEqualTo(2);
    }

    @Test
    void aTokenThatExpiredWhileArrivingIsNotHandedOutAgain() {
        AccessToken next = tokens.token()
                .flatMap(fresh -> {
                    clock.advance(Duration.ofHours(2));
                    return tokens.token();
                })
                .block(Duration.ofSeconds(10));

        assertThat(next.value()).isEqualTo("token-2");
    }
}
