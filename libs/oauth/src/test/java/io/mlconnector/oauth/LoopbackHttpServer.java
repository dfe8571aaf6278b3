package io.mlconnector.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Reactor Netty server on 127.0.0.1 with an ephemeral port, answering from a script
 * (request number starting at 1, the request) and recording every request it saw.
 */
final class LoopbackHttpServer implements AutoCloseable {

    record Request(String method, String uri, String authorization, String contentType, String accept, String body) {
    }

    record Answer(int status, String contentType, String body, Duration delay) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json; charset=utf-8", body, Duration.ZERO);
        }

        static Answer token(String accessToken, long expiresIn) {
            return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                    + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"" + accessToken + "\"}");
        }

        Answer after(Duration delay) {
            return new Answer(status, contentType, body, delay);
        }
    }

    private final AtomicInteger count = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    LoopbackHttpServer(BiFunction<Integer, Request, Answer> script) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            Request request = new Request(req.method().name(), req.uri(),
                                    req.requestHeaders().get("Authorization"), req.requestHeaders().get("Content-Type"),
                                    req.requestHeaders().get("Accept"), body);
                            requests.add(request);
                            Answer answer = script.apply(count.incrementAndGet(), request);
                            Mono<Void> send = res.status(answer.status())
                                    .header("Content-Type", answer.contentType())
                                    .sendString(Mono.just(answer.body()))
                                    .then();
                            return answer.delay().isZero() ? send : Mono.delay(answer.delay()).then(send);
                        }))
                .bindNow();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    int requestCount() {
        return count.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
