package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guards the throttling and failure behaviour clients must survive (Procore docs: rate-limiting, restful-api-overview). */
class RateLimitAndFaultsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00.250Z"));
    private ProcoreSandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void start(ProcoreSandboxOptions options) {
        sandbox = ProcoreSandbox.start(options.withClock(clock));
    }

    @Test
    void spikeLimitAnswers429WithHeadersAndResetsWithTheWindow() {
        start(ProcoreSandboxOptions.defaults(demoData()).withSpikeLimit(3, Duration.ofSeconds(10)));
        String token = token(sandbox);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = get(sandbox, token, "/rest/v1.0/companies");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-Rate-Limit-Limit")).hasValue("3");
            assertThat(ok.headers().firstValue("X-Rate-Limit-Remaining")).hasValue(Integer.toString(2 - i));
            assertThat(ok.headers().firstValue("X-Rate-Limit-Reset")).hasValue(Long.toString(Instant.parse("2026-11-20T12:00:10Z").getEpochSecond()));
        }
        HttpResponse<String> limited = get(sandbox, token, "/rest/v1.0/companies");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo(ProcoreHttpHandler.RATE_LIMIT_TEXT);
        assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();

        clock.set(Instant.parse("2026-11-20T12:00:10Z"));
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);
    }

    @Test
    void hourlyLimitIsDescribedOnceItIsCloserToExhaustion() {
        start(ProcoreSandboxOptions.defaults(demoData()).withHourlyLimit(4, Duration.ofHours(1))
                .withSpikeLimit(3, Duration.ofSeconds(10)).withRetryAfterOn429(true));
        String token = token(sandbox);
        HttpResponse<String> first = get(sandbox, token, "/rest/v1.0/companies");
        assertThat(first.headers().firstValue("X-Rate-Limit-Limit")).hasValue("3"); // spike: 2 left vs hourly 3 left
        clock.advance(Duration.ofSeconds(10));
        get(sandbox, token, "/rest/v1.0/companies");
        get(sandbox, token, "/rest/v1.0/companies");
        HttpResponse<String> fourth = get(sandbox, token, "/rest/v1.0/companies");
        assertThat(fourth.headers().firstValue("X-Rate-Limit-Limit")).hasValue("4");
        assertThat(fourth.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
        HttpResponse<String> limited = get(sandbox, token, "/rest/v1.0/companies");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void budgetsArePerCompany() {
        start(ProcoreSandboxOptions.defaults(demoData()).withSpikeLimit(1, Duration.ofSeconds(10)));
        String token = token(sandbox);
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(429);
        assertThat(get(sandbox, token, "5009999", "/rest/v1.0/companies").statusCode()).isEqualTo(403);
    }

    @Test
    void injectedFailuresHitOnlyTheirCountAndPaths() {
        start(ProcoreSandboxOptions.defaults(demoData()));
        String token = token(sandbox);
        sandbox.faults().failNext(2, 503);
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(503);
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(503);
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);

        sandbox.faults().failNext(1, 500, path -> path.contains("/direct_costs"));
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);
        assertThat(get(sandbox, token, "/rest/v1.1/projects/2001001/direct_costs").statusCode()).isEqualTo(500);
        assertThat(get(sandbox, token, "/rest/v1.1/projects/2001001/direct_costs").statusCode()).isEqualTo(200);

        sandbox.faults().failNext(1, 429);
        HttpResponse<String> limited = get(sandbox, token, "/rest/v1.0/companies");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("X-Rate-Limit-Reset")).isPresent();
    }

    @Test
    void latencyDelaysAnswers() {
        start(ProcoreSandboxOptions.defaults(demoData()));
        String token = token(sandbox);
        sandbox.faults().latency(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sandbox.requests().get(sandbox.requestCount() - 1).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
