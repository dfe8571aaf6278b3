package io.mlconnector.oauth;

import io.mlconnector.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.LoopbackHttpServer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A burst of callers that all need a new token must cost one token request, not fifty. */
class TokenRefreshOnceUnderConcurrencyTest {

    private static final int CALLERS = 50;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00Z"));
    private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
    private LoopbackHttpServer tokenServer;
    private LoopbackHttpServer api;

    @AfterEach
    void stop() {
        threads.shutdownNow();
        tokenServer.close();
        if (api != null) {
            api.close();
        }
    }

    @Test
    void fiftyCallersWithAnExpiredTokenShareOneTokenRequest() throws Exception {
        // The token endpoint is slow, so every caller arrives while the first request is in flight.
        tokenServer = new LoopbackHttpServer((n, request) -> Answer.token("token-" + n, 3600).after(Duration.ofMillis(300)));
        CachingTokenProvider tokens = provider();
        assertThat(tokens.token().block(Duration.ofSeconds(10)).value()).isEqualTo("token-1");
        clock.advance(Duration.ofHours(2)); // token-1 has expired

        List<String> seen = concurrently(() -> tokens.token().block(Duration.ofSeconds(10)).value());

        assertThat(seen).hasSize(CALLERS).containsOnly("token-2");
        assertThat(tokenServer.requestCount()).isEqualTo(2);
    }

    @Test
    void fiftyRequestsRejectedWith401ShareOneRefresh() throws Exception {
        tokenServer = new LoopbackHttpServer((n, request) -> Answer.token("token-" + n, 3600).after(Duration.ofMillis(200)));
        // token-1 was revoked on the server side; the 401s come back at slightly different times.
        api = new LoopbackHttpServer((n, request) -> "Bearer token-1".equals(request.authorization())
                ? Answer.json(401, "{\"error\":{\"code\":\"Authentication_InvalidCredentials\"}}")
                        .after(Duration.ofMillis(n % 10 * 20L))
                : Answer.json(200, "{\"value\":[]}"));
        CachingTokenProvider tokens = provider();
        assertThat(tokens.token().block(Duration.ofSeconds(10)).value()).isEqualTo("token-1");
        WebClient client = TestHttp.client(new BearerTokenFilter(tokens));

        List<Integer> statuses = concurrently(() -> client.get().uri(api.uri("/v2.0/companies"))
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .block(Duration.ofSeconds(20)));

        assertThat(statuses).hasSize(CALLERS).containsOnly(200);
        assertThat(tokenServer.requestCount()).as("initial token + exactly one refresh").isEqualTo(2);
        assertThat(api.requests()).filteredOn(r -> "Bearer token-2".equals(r.authorization())).hasSize(CALLERS);
    }

    private CachingTokenProvider provider() {
        ClientCredentialsGrant grant = new ClientCredentialsGrant("bc:harbor-ridge", TestHttp.client(),
                tokenServer.uri("/t/oauth2/v2.0/token"), "harbor-ridge-bc-app", Secret.of("bc-sandbox-secret"),
                "https://api.businesscentral.dynamics.com/.default", clock);
        return new CachingTokenProvider("bc:harbor-ridge", grant, Duration.ofMinutes(5), clock);
    }

    private <T> List<T> concurrently(Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(threads.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
