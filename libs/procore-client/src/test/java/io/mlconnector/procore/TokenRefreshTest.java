package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Guards token handling: one refresh after a mid-run 401, early refresh by the clock, one grant for many callers. */
class TokenRefreshTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private SandboxFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    private void start() {
        fx = new SandboxFixture(ProcoreSandboxOptions.defaults(SandboxFixture.demoData()).withClock(clock), clock,
                SandboxFixture.fastRetries().withPerPage(5));
    }

    @Test
    void a401MidRunCausesOneRefreshAndTheListingCompletes() {
        start();
        List<Long> ids = fx.client.vendors(UpdatedSince.everything())
                .doOnNext(v -> {
                    if (v.id() == 3968003L) {
                        fx.sandbox.faults().expireAllTokens(); // expires while page 2 is still to come
                    }
                })
                .map(v -> v.id()).collectList().block();

        assertThat(ids).hasSize(31);
        assertThat(fx.sandbox.tokensIssued()).isEqualTo(2);
        assertThat(fx.count(401)).isEqualTo(1);
    }

    @Test
    void tokenIsRefreshedBeforeExpiryWithoutA401() {
        start();
        fx.client.lineItemTypes().collectList().block();
        clock.advance(Duration.ofSeconds(5400 - 299)); // inside the 5-minute margin, still valid at the server
        fx.client.lineItemTypes().collectList().block();

        assertThat(fx.sandbox.tokensIssued()).isEqualTo(2);
        assertThat(fx.count(401)).isZero();
    }

    @Test
    void concurrentCallersShareOneTokenRequest() {
        start();
        Flux.range(0, 12)
                .flatMap(i -> fx.client.costCodes(2001001 + i % 5).collectList(), 12)
                .collectList().block();

        assertThat(fx.sandbox.tokensIssued()).isEqualTo(1);
        assertThat(fx.sandbox.log().count(r -> r.path().equals("/oauth/token"))).isEqualTo(1);
    }
}
