package io.mlconnector.vendorsync;

import io.mlconnector.events.BcNotification;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands where the webhook-gateway stands for these tests: {@code /webhooks/bc/{tenantId}} on loopback, answers
 * BC's validation handshake (echoes validationToken), keeps the notification entries whose clientState matches
 * as {@link BcNotification}s (what the gateway publishes to bc.webhook-events) and hands them to a sink.
 */
public final class LoopbackBcReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String clientState;
    private final Consumer<BcNotification> sink;
    private final BlockingQueue<BcNotification> received = new LinkedBlockingQueue<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private volatile boolean answerHandshakes = true;
    private final List<RuntimeException> sinkFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DisposableServer server;

    public LoopbackBcReceiver(String clientState, Consumer<BcNotification> sink) {
        this.clientState = clientState;
        this.sink = sink;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(r -> r.post("/webhooks/bc/{tenantId}", this::handle).get("/webhooks/bc/{tenantId}", this::handle))
                .bindNow();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Notification entries accepted so far (clientState matched). */
    public int received() {
        return acceptedCount.get();
    }

    public List<RuntimeException> sinkFailures() {
        return List.copyOf(sinkFailures);
    }

    public int handshakes() {
        return handshakes.get();
    }

    /** false: answer the handshake with a wrong body, as a misconfigured endpoint would. */
    public void answerHandshakes(boolean answer) {
        this.answerHandshakes = answer;
    }

    public BcNotification next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    public List<BcNotification> drain() {
        List<BcNotification> out = new java.util.ArrayList<>();
        received.drainTo(out);
        return out;
    }

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        String tenantId = req.param("tenantId");
        List<String> token = new QueryStringDecoder(req.uri()).parameters().get("validationToken");
        if (token != null && !token.isEmpty()) {
            handshakes.incrementAndGet();
            return res.status(200).header("Content-Type", "text/plain")
                    .sendString(Mono.just(answerHandshakes ? token.get(0) : "nope"));
        }
        return req.receive().aggregate().asString().defaultIfEmpty("{}").map(body -> {
            List<BcNotification> accepted = new java.util.ArrayList<>();
            for (JsonNode entry : JSON.readTree(body).path("value")) {
                if (!clientState.equals(entry.path("clientState").asString(null))) {
                    continue; // the gateway drops a foreign clientState (and still answers 2xx)
                }
                String modified = entry.path("lastModifiedDateTime").asString(null);
                accepted.add(BcNotification.newBuilder()
                        .setTenantId(tenantId)
                        .setSubscriptionId(entry.path("subscriptionId").asString())
                        .setResource(entry.path("resource").asString())
                        .setChangeType(entry.path("changeType").asString())
                        .setLastModifiedDateTime(modified == null ? null : Instant.parse(modified))
                        .setObservedAt(Instant.now())
                        .build());
            }
            return accepted;
        }).flatMap(accepted -> Mono.fromCallable(() -> {
            for (BcNotification n : accepted) {
                received.add(n);
                acceptedCount.incrementAndGet();
                try {
                    sink.accept(n);
                } catch (RuntimeException e) {
                    // the gateway answers 503 when it cannot publish, so BC retries the delivery
                    sinkFailures.add(e);
                    return 503;
                }
            }
            return 202;
        // the sink may wait (a Kafka producer's send and flush do): off this server's event loop
        }).subscribeOn(Schedulers.boundedElastic())).flatMap(status -> res.status(status).send().then());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
