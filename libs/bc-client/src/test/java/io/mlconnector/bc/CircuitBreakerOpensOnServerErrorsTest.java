package io.mlconnector.bc;

import static io.mlconnector.bc.BcTestSupport.APEX_CONCRETE;
import static io.mlconnector.bc.BcTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A run of 5xx opens the environment's circuit: calls stop reaching BC, then after the pause one trial call goes
 * through and closes it again. The breaker, retries, limiter and bulkhead publish their metrics to Micrometer.
 */
class CircuitBreakerOpensOnServerErrorsTest {

    private static final Duration PAUSE = Duration.ofMillis(700);

    private BcSandbox sandbox;
    private BcResilience resilience;
    private BcClient client;

    @BeforeEach
    void start() {
        sandbox = BcSandbox.start(BcSandboxOptions.demo());
        resilience = new BcResilience().bindTo(new SimpleMeterRegistry());
        BcClientOptions options = BcClientOptions.defaults()
                .withRetries(0, Duration.ofMillis(20), Duration.ofMillis(100))
                .withCircuitBreaker(new CircuitBreakerOptions(4, 4, 50f, PAUSE, 1));
        client = BcClient.create(BcTestSupport.connection(sandbox, "Production", "bc-sandbox-secret"),
                WebClient.builder(), Clock.systemUTC(), options, resilience);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aRunOfServerErrorsOpensTheCircuitWhichHalfOpensAfterThePause() throws InterruptedException {
        client.vendor(APEX_CONCRETE).block(TIMEOUT); // token first: the failures below are API calls only
        CircuitBreaker breaker = resilience.circuitBreakers().getAllCircuitBreakers().stream().findFirst().orElseThrow();
        breaker.reset(); // the window holds only the run below
        sandbox.failNext(4, 500);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.vendor(APEX_CONCRETE).block(TIMEOUT))
                    .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.status()).isEqualTo(500));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        sandbox.clearRequestLog();
        assertThatThrownBy(() -> client.vendor(APEX_CONCRETE).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("Client_CircuitOpen");
                    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
                    assertThat(e.getMessage()).contains("pauses its calls");
                });
        assertThat(sandbox.apiCallCount()).as("an open circuit sends nothing to BC").isZero();

        Thread.sleep(PAUSE.toMillis() + 200);
        assertThat(client.vendor(APEX_CONCRETE).block(TIMEOUT).displayName()).isEqualTo("Apex Concrete Inc.");
        assertThat(breaker.getState()).as("the trial call succeeded").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isZero(); // reset on closing
    }

    @Test
    void resilienceMetricsAppearInTheMeterRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BcResilience bound = new BcResilience().bindTo(registry);
        BcClient retrying = BcClient.create(BcTestSupport.connection(sandbox, "Production", "bc-sandbox-secret"),
                WebClient.builder(), Clock.systemUTC(), BcTestSupport.fastRetries(BcClientOptions.defaults()), bound);
        retrying.vendor(APEX_CONCRETE).block(TIMEOUT);
        sandbox.failNext(1, 429);
        retrying.vendor(APEX_CONCRETE).block(TIMEOUT);

        String environment = bound.circuitBreakers().getAllCircuitBreakers().stream().findFirst().orElseThrow().getName();
        assertThat(registry.find("resilience4j.circuitbreaker.state").tag("name", environment).gauges()).isNotEmpty();
        assertThat(registry.find("resilience4j.bulkhead.max.allowed.concurrent.calls").tag("name", environment)
                .gauge().value()).isEqualTo(5.0);
        assertThat(registry.find("resilience4j.ratelimiter.available.permissions").tag("name", environment).gauge())
                .isNotNull();
        assertThat(registry.find("resilience4j.retry.calls").tag("kind", "successful_with_retry").functionCounters())
                .anySatisfy(c -> assertThat(c.count()).isEqualTo(1.0));
    }
}
