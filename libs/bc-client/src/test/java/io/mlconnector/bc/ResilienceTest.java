package io.mlconnector.bc;

import static io.mlconnector.bc.BcTestSupport.APEX_CONCRETE;
import static io.mlconnector.bc.BcTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.oauth.TokenRequestException;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.bc.RequestLogEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Token refresh, the per-environment concurrency cap, throttling and the failure table, over real loopback HTTP. */
class ResilienceTest {

    private BcSandbox sandbox;
    private BcClient client;

    @BeforeEach
    void start() {
        sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().retryAfter(Duration.ofSeconds(1)).build());
        client = BcTestSupport.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void expiredTokenIsRefreshedOnceAfter401() {
        assertThat(client.vendors(null).count().block(TIMEOUT)).isEqualTo(30);
        sandbox.expireAllTokens();
        assertThat(client.vendor(APEX_CONCRETE).block(TIMEOUT).displayName()).isEqualTo("Apex Concrete Inc.");
        assertThat(sandbox.tokensIssued()).isEqualTo(2);
        assertThat(sandbox.requestLog()).extracting(RequestLogEntry::status).contains(401);
    }

    @Test
    void twentyConcurrentCallsNeverExceedFiveInFlight() {
        client.vendor(APEX_CONCRETE).block(TIMEOUT); // token first, so the burst is API calls only
        sandbox.latency(Duration.ofMillis(100));
        sandbox.resetThrottleStats();
        List<BcVendor> vendors = Flux.range(0, 20).flatMap(i -> client.vendor(APEX_CONCRETE), 20)
                .collectList().block(TIMEOUT);
        assertThat(vendors).hasSize(20);
        assertThat(sandbox.maxConcurrentRequestsSeen()).isBetween(2, 5);
    }

    @Test
    void throttledCallWaitsForRetryAfterThenSucceeds() {
        client.vendor(APEX_CONCRETE).block(TIMEOUT);
        sandbox.failNext(1, 429);
        long started = System.nanoTime();
        assertThat(client.vendor(APEX_CONCRETE).block(TIMEOUT)).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        List<RequestLogEntry> log = sandbox.requestLog();
        assertThat(log.subList(log.size() - 2, log.size())).extracting(RequestLogEntry::status).containsExactly(429, 200);
    }

    @Test
    void transientErrorsAreRetriedButGatewayTimeoutsAskToSplitTheWork() {
        sandbox.failNext(2, 500);
        assertThat(client.accounts().count().block(TIMEOUT)).isEqualTo(16);
        sandbox.failNext(1, 504);
        assertThatThrownBy(() -> client.accounts().count().block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.action()).isEqualTo(BcFailurePolicy.Action.FAIL_SPLIT_WORK);
                    assertThat(e.getMessage()).contains("split the work");
                });
        sandbox.failNext(10, 503);
        assertThatThrownBy(() -> client.accounts().count().block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT));
    }

    @Test
    void postsAreNotRepeatedAfterA500() {
        BcJournal journal = client.journal("PROCORE").block(TIMEOUT);
        sandbox.clearRequestLog();
        sandbox.failNext(1, 500, path -> path.contains("Microsoft.NAV.post"));
        assertThatThrownBy(() -> client.postJournal(journal.id()).block(TIMEOUT)).isInstanceOf(BcApiException.class);
        assertThat(sandbox.apiCallCount()).isEqualTo(1);
    }

    @Test
    void staleEtagIsAConflict() {
        BcVendor vendor = client.vendor(APEX_CONCRETE).block(TIMEOUT);
        BcVendor updated = client.updateVendor(vendor.id(), vendor.etag(), Map.of("phoneNumber", "(206) 555-0199"))
                .block(TIMEOUT);
        assertThat(updated.etag()).isNotEqualTo(vendor.etag());
        assertThatThrownBy(() -> client.updateVendor(vendor.id(), vendor.etag(), Map.of("email", "x@example.com"))
                .block(TIMEOUT)).isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT);
                    assertThat(e.code()).isEqualTo("Request_EntityChanged");
                });
    }

    @Test
    void unknownEnvironmentIsNotFoundAndBadSecretFailsTheTokenRequest() {
        BcClient wrongEnv = BcClient.create(BcTestSupport.connection(sandbox, "Sandbox", "bc-sandbox-secret"),
                WebClient.builder(), Clock.systemUTC(), BcClientOptions.defaults());
        assertThatThrownBy(() -> wrongEnv.companies().blockLast(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
        BcClient badSecret = BcClient.create(BcTestSupport.connection(sandbox, "Production", "wrong"),
                WebClient.builder(), Clock.systemUTC(), BcClientOptions.defaults());
        assertThatThrownBy(() -> badSecret.companies().blockLast(TIMEOUT))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("AADSTS7000215").doesNotContain("wrong");
                });
    }

    @Test
    void pagingFollowsNextLinks() {
        BcClient paged = BcTestSupport.client(sandbox, BcTestSupport.fastRetries(BcClientOptions.defaults()).withPageSize(7));
        sandbox.clearRequestLog();
        assertThat(paged.vendors(null).count().block(TIMEOUT)).isEqualTo(30);
        assertThat(sandbox.requestLog().stream().filter(RequestLogEntry::isApiCall).count()).isEqualTo(5);
        assertThat(paged.vendors(java.time.Instant.parse("2026-08-16T00:00:00Z")).map(BcVendor::displayName)
                .collectList().block(TIMEOUT)).containsExactly("Summit Survey Group");
    }
}
