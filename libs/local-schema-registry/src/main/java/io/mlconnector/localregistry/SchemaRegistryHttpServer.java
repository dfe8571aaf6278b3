package io.mlconnector.localregistry;

import io.mlconnector.schemas.registry.CompatibilityLevel;
import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryException;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import io.mlconnector.schemas.registry.SubjectVersion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a {@link SchemaRegistry} (normally an {@link InProcessSchemaRegistry}) over HTTP with the subset of the
 * Confluent Schema Registry REST API the connector's serde uses, so the local run's services talk to it with
 * {@link SchemaRegistryRestClient} exactly as they talk to a production registry:
 *
 * <pre>
 * POST /subjects/{subject}/versions           {"schema": "..."}  -> {"id": n}      (409 when incompatible)
 * POST /subjects/{subject}                    {"schema": "..."}  -> {"subject","version","id","schema"}
 * GET  /schemas/ids/{id}                                         -> {"schema": "..."}
 * GET  /subjects                                                 -> ["..."]
 * GET  /subjects/{subject}/versions                              -> [1, 2]
 * GET  /subjects/{subject}/versions/{version|latest}             -> {"subject","version","id","schema"}
 * GET  /config                                                   -> {"compatibilityLevel": "..."}
 * </pre>
 *
 * Errors answer {@code {"error_code": n, "message": "..."}} with Confluent's codes. Binds 127.0.0.1 and an
 * ephemeral port by default. Registry calls may touch the disk, so they run off the event loop.
 */
public final class SchemaRegistryHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryHttpServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaRegistry registry;
    private final String compatibilityLevel;
    private final DisposableServer server;

    private SchemaRegistryHttpServer(SchemaRegistry registry, String compatibilityLevel, String host, int port) {
        this.registry = registry;
        this.compatibilityLevel = compatibilityLevel;
        this.server = HttpServer.create()
                .host(host)
                .port(port)
                .route(routes -> routes
                        .post("/subjects/{subject}/versions", (req, res) -> withBody(req, res,
                                body -> Map.of("id", registry.register(subject(req), schemaOf(body)))))
                        .post("/subjects/{subject}", (req, res) -> withBody(req, res,
                                body -> lookup(subject(req), schemaOf(body))))
                        .get("/schemas/ids/{id}", (req, res) -> reply(res,
                                () -> Map.of("schema", registry.schemaById(intParam(req, "id")).toString())))
                        .get("/subjects", (req, res) -> reply(res, registry::subjects))
                        .get("/subjects/{subject}/versions", (req, res) -> reply(res,
                                () -> registry.versions(subject(req))))
                        .get("/subjects/{subject}/versions/{version}", (req, res) -> reply(res,
                                () -> versionBody(version(subject(req), req.param("version")))))
                        .get("/config", (req, res) -> reply(res,
                                () -> Map.of("compatibilityLevel", this.compatibilityLevel))))
                .bindNow(Duration.ofSeconds(10));
        log.info("Schema registry listening on {}", baseUri());
    }

    /** Serves {@code registry} on 127.0.0.1, ephemeral port. */
    public static SchemaRegistryHttpServer start(InProcessSchemaRegistry registry) {
        return start(registry, "127.0.0.1", 0);
    }

    /** Serves {@code registry} on {@code host:port} (port 0 = ephemeral). */
    public static SchemaRegistryHttpServer start(SchemaRegistry registry, String host, int port) {
        return new SchemaRegistryHttpServer(registry, CompatibilityLevel.BACKWARD.name(), host, port);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code schema.registry.url}. */
    public URI baseUri() {
        return URI.create("http://" + hostForUri() + ":" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    /**
     * Runs a standalone registry: {@code [--host 127.0.0.1] [--port 8081] [--file schemas.jsonl]}. Stops on
     * SIGTERM / Ctrl-C.
     */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8081;
        Path file = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--file" -> file = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        SchemaRegistryHttpServer server =
                start(new InProcessSchemaRegistry(CompatibilityLevel.BACKWARD, file), host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Schema registry listening on " + server.baseUri());
        stopped.await();
    }

    private String hostForUri() {
        String host = server.host();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private Map<String, Object> lookup(String subject, Schema schema) {
        int id = registry.lookup(subject, schema);
        for (int v : registry.versions(subject)) {
            SubjectVersion version = registry.version(subject, v);
            if (version.id() == id) {
                return versionBody(version);
            }
        }
        throw SchemaRegistryException.schemaNotFound("schema is not registered under subject '" + subject + "'");
    }

    private SubjectVersion version(String subject, String version) {
        if ("latest".equals(version) || "-1".equals(version)) {
            return registry.latest(subject);
        }
        try {
            return registry.version(subject, Integer.parseInt(version));
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION,
                    "The specified version '" + version + "' is not a valid version id.");
        }
    }

    private static Map<String, Object> versionBody(SubjectVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("schema", version.schema().toString());
        return body;
    }

    private static String subject(HttpServerRequest req) {
        return URLDecoder.decode(req.param("subject"), StandardCharsets.UTF_8);
    }

    private static int intParam(HttpServerRequest req, String name) {
        try {
            return Integer.parseInt(req.param(name));
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found: id '" + req.param(name) + "'");
        }
    }

    private static Schema schemaOf(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Request body is not JSON: " + e.getOriginalMessage());
        }
        String type = node.path("schemaType").asString("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Only AVRO schemas are supported, got " + type);
        }
        if (!node.path("schema").isString()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Request body needs a \"schema\" string");
        }
        try {
            return new Schema.Parser().parse(node.path("schema").asString());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid schema: " + e.getMessage());
        }
    }

    private interface BodyAction {
        Object apply(String body) throws Exception;
    }

    private static Mono<Void> withBody(HttpServerRequest req, HttpServerResponse res, BodyAction action) {
        return req.receive().aggregate().asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> reply(res, () -> action.apply(body)));
    }

    private static Mono<Void> reply(HttpServerResponse res, Callable<Object> action) {
        return Mono.fromCallable(() -> new Reply(200, action.call()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(SchemaRegistryException.class, e -> Mono.just(new Reply(e.httpStatus(),
                        Map.of("error_code", e.errorCode(), "message", String.valueOf(e.getMessage())))))
                .onErrorResume(e -> {
                    log.warn("Schema registry request failed", e);
                    return Mono.just(new Reply(500, Map.of("error_code", SchemaRegistryException.BACKEND_ERROR,
                            "message", String.valueOf(e.getMessage()))));
                })
                .flatMap(reply -> res.status(HttpResponseStatus.valueOf(reply.status()))
                        .header(HttpHeaderNames.CONTENT_TYPE, SchemaRegistryRestClient.CONTENT_TYPE)
                        .sendString(Mono.just(JSON.writeValueAsString(reply.body())), StandardCharsets.UTF_8)
                        .then());
    }

    private record Reply(int status, Object body) {
    }
}
