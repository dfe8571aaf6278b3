package io.mlconnector.sandbox.procore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/** A tiny webhook endpoint on loopback: records what it receives; fails the first {@code failFirst} requests. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, Map<String, String> headers, JsonNode body, int answeredWith) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    volatile int failStatus = 503;
    private final DisposableServer server;

    WebhookReceiver() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            int status = failFirst.getAndDecrement() > 0 ? failStatus : 200;
                            Map<String, String> headers = new java.util.HashMap<>();
                            req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
                            received.add(new Received(req.uri(), headers, SandboxJson.MAPPER.readTree(body), status));
                            return res.status(status).sendString(Mono.just("{}")).then();
                        }))
                .bindNow(Duration.ofSeconds(5));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    List<Received> accepted() {
        return received.stream().filter(r -> r.answeredWith() == 200).toList();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
