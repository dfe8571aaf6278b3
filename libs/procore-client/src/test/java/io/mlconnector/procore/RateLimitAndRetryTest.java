package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guards the failure policy: pacing keeps us under the spike limit, 429s are waited out, 5xx retried, 4xx typed. */
class RateLimitAndRetryTest {

    private SandboxFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void pacingCompletesAFullListingUnderATightSpikeLimitWithoutA429() {
        fx = new SandboxFixture(ProcoreSandboxOptions.defaults(SandboxFixture.demoData())
                .withSpikeLimit(5, Duration.ofSeconds(2)), Clock.systemUTC(),
                SandboxFixture.fastRetries().withPerPage(3));
        List<Long> ids = fx.client.vendors(UpdatedSince.everything()).map(v -> v.id()).collectList().block();

        assertThat(ids).hasSize(31).doesNotHaveDuplicates();
        assertThat(fx.apiRequests()).hasSize(11);
        assertThat(fx.count(429)).isZero();
    }

    @Test
    void aForced429IsWaitedOutAndTheCallSucceeds() {
        fx = SandboxFixture.defaults();
        fx.sandbox.faults().failNext(2, 429);
        assertThat(fx.client.lineItemTypes().collectList().block()).hasSize(6);
        assertThat(fx.count(429)).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonouredWhenPresent() {
        fx = new SandboxFixture(ProcoreSandboxOptions.defaults(SandboxFixture.demoData()).withRetryAfterOn429(true),
                Clock.systemUTC(), SandboxFixture.fastRetries());
        fx.sandbox.faults().failNext(1, 429);
        long t0 = System.nanoTime();
        assertThat(fx.client.lineItemTypes().collectList().block()).hasSize(6);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        fx = SandboxFixture.defaults();
        fx.sandbox.faults().failNext(1, 500).failNext(1, 503);
        assertThat(fx.client.costCodes(2001002).collectList().block()).hasSize(14);
        assertThat(fx.count(500) + fx.count(503)).isEqualTo(2);
    }

    @Test
    void persistentServerErrorsFailAfterBoundedRetries() {
        fx = SandboxFixture.defaults();
        fx.sandbox.faults().failNext(100, 503);
        assertThatThrownBy(() -> fx.client.costCodes(2001002).collectList().block())
                .isInstanceOfSatisfying(ProcoreApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(fx.count(503)).isEqualTo(4); // first try + 3 retries
    }

    @Test
    void slowAnswersTimeOutAndAreRetried() {
        fx = new SandboxFixture(ProcoreSandboxOptions.defaults(SandboxFixture.demoData()), Clock.systemUTC(),
                SandboxFixture.fastRetries().withRequestTimeout(Duration.ofMillis(300)));
        fx.sandbox.faults().latency(Duration.ofMillis(800), p -> p.contains("line_item_types"));
        assertThatThrownBy(() -> fx.client.lineItemTypes().collectList().block())
                .isInstanceOf(ProcoreApiException.class);
        fx.sandbox.faults().clear();
        assertThat(fx.client.lineItemTypes().collectList().block()).hasSize(6);
    }

    @Test
    void notFoundIsATypedErrorWithRequestId() {
        fx = SandboxFixture.defaults();
        assertThatThrownBy(() -> fx.client.commitment(io.mlconnector.procore.model.CommitmentType.WORK_ORDER, 2001001, 1).block())
                .isInstanceOfSatisfying(ProcoreApiException.class, e -> {
                    assertThat(e.notFound()).isTrue();
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.path()).isEqualTo("/rest/v1.0/work_order_contracts/1");
                });
    }
}
