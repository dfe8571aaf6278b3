package io.mlconnector.bc;

import io.mlconnector.testing.MutableClock;
import static io.mlconnector.bc.BcTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/** Webhook subscriptions: the validation handshake on create/renew, delivery, and BC deleting on a 4xx answer. */
class SubscriptionHandshakeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private final AtomicInteger notificationStatus = new AtomicInteger(200);
    private volatile boolean echoToken = true;
    private BcSandbox sandbox;
    private DisposableServer receiver;
    private BcClient client;

    @BeforeEach
    void start() {
        sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().clock(clock)
                .notificationDelay(Duration.ofMillis(100)).handshakeTimeout(Duration.ofSeconds(2)).build());
        receiver = HttpServer.create().host("127.0.0.1").port(0).handle(this::receive).bindNow();
        client = BcTestSupport.client(sandbox);
    }

    @AfterEach
    void stop() {
        receiver.disposeNow();
        sandbox.close();
    }

    private Mono<Void> receive(HttpServerRequest req, HttpServerResponse res) {
        String uri = req.uri();
        if (uri.contains("validationToken=")) {
            String token = java.net.URLDecoder.decode(uri.substring(uri.indexOf("validationToken=") + 16), StandardCharsets.UTF_8);
            return res.status(200).sendString(Mono.just(echoToken ? token : "nope")).then();
        }
        return req.receive().aggregate().asString().defaultIfEmpty("")
                .flatMap(body -> {
                    notifications.add(body);
                    return res.status(notificationStatus.get()).send().then();
                });
    }

    private URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + receiver.port() + "/bc/webhook");
    }

    @Test
    void handshakeSucceedsAndVendorChangesAreNotified() {
        BcSubscription sub = client.createSubscription(webhookUrl(), "vendors", "s3cret").block(TIMEOUT);
        assertThat(sub.expirationDateTime()).isEqualTo(Instant.parse("2026-09-04T08:00:00Z"));
        assertThat(client.subscriptions().collectList().block(TIMEOUT)).hasSize(1);

        sandbox.company().setVendorBlocked("V1010", "Payment");
        await().atMost(Duration.ofSeconds(5)).until(() -> !notifications.isEmpty());
        JsonNode entry = BcJson.parse(notifications.get(0)).get("value").get(0);
        assertThat(entry.get("subscriptionId").asString()).isEqualTo(sub.subscriptionId());
        assertThat(entry.get("clientState").asString()).isEqualTo("s3cret");
        assertThat(entry.get("changeType").asString()).isEqualTo("updated");
        assertThat(entry.get("resource").asString()).endsWith("/vendors(8f3c2a10-0000-4000-a000-000000000001)");

        clock.advance(Duration.ofDays(2));
        BcSubscription renewed = client.renewSubscription(sub).block(TIMEOUT);
        assertThat(renewed.expirationDateTime()).isEqualTo(Instant.parse("2026-09-06T08:00:00Z"));
        assertThatThrownBy(() -> client.renewSubscription(sub).block(TIMEOUT)).as("old etag")
                .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT));

        clock.advance(Duration.ofDays(4));
        assertThat(client.subscriptions().collectList().block(TIMEOUT)).as("expired subscriptions are removed").isEmpty();
    }

    @Test
    void failedHandshakeCreatesNothing() {
        echoToken = false;
        assertThatThrownBy(() -> client.createSubscription(webhookUrl(), "vendors", "s").block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(sandbox.subscriptions()).isEmpty();
    }

    @Test
    void aFourHundredAnswerToANotificationMakesBcDeleteTheSubscription() {
        client.createSubscription(webhookUrl(), "vendors", "s").block(TIMEOUT);
        notificationStatus.set(400);
        sandbox.company().setVendorBlocked("V1020", "All");
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.subscriptions().isEmpty());
        assertThat(notifications).hasSize(1);
    }

    @Test
    void aServerErrorAnswerIsRetriedLater() {
        client.createSubscription(webhookUrl(), "vendors", "s").block(TIMEOUT);
        notificationStatus.set(503);
        sandbox.company().setVendorBlocked("V1030", "All");
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.size() >= 2);
        notificationStatus.set(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.notificationDeliveries().stream()
                .anyMatch(d -> d.status() == 200));
        assertThat(sandbox.subscriptions()).hasSize(1);
        assertThat(sandbox.deleteSubscriptionOnBcSide(sandbox.subscriptions().get(0).get("subscriptionId").asString())).isTrue();
        assertThat(client.subscriptions().collectList().block(TIMEOUT)).isEmpty();
    }
}
