package io.mlconnector.oauth;

import io.mlconnector.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.LoopbackHttpServer.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenRefreshBeforeExpiryTest {

    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00Z"));
    private LoopbackHttpServer tokenServer;
    private CachingTokenProvider tokens;

    @BeforeEach
    void start() {
        tokenServer = new LoopbackHttpServer((n, request) -> Answer.token("token-" + n, 3600));
        ClientCredentialsGrant grant = new ClientCredentialsGrant("procore:harbor-ridge", TestHttp.client(),
                tokenServer.uri("/oauth/token"), "harbor-ridge-procore", Secret.of("procore-sandbox-secret"), null, clock);
        tokens = new CachingTokenProvider("procore:harbor-ridge", grant, MARGIN, clock);
    }

    @AfterEach
    void stop() {
        tokenServer.close();
    }

    @Test
    void aFreshTokenIsNotFetchedAgain() {
        assertThat(token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(54).plusSeconds(59)); // 5 min 1 s left: still outside the margin

        assertThat(token()).isEqualTo("token-1");
        assertThat(token()).isEqualTo("token-1");
        assertThat(tokenServer.requestCount()).isEqualTo(1);
    }

    @Test
    void aTokenWithinTheMarginIsRefreshedOnceThenReused() {
        assertThat(token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(55).plusSeconds(1)); // 4 min 59 s left: inside the margin

        assertThat(token()).isEqualTo("token-2");
        assertThat(token()).isEqualTo("token-2");
        assertThat(tokenServer.requestCount()).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsNeverHandedOut() {
        assertThat(token()).isEqualTo("token-1");
        clock.advance(Duration.ofHours(3));

        assertThat(token()).isEqualTo("token-2");
        assertThat(tokenServer.requestCount()).isEqualTo(2);
    }

    private String token() {
        return tokens.token().map(AccessToken::value).block(Duration.ofSeconds(10));
    }
}
