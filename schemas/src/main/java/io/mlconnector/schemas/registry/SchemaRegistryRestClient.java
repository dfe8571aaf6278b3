package io.mlconnector.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the Schema Registry REST API (Confluent's, and registries that speak it: Karapace, Apicurio's
 * compatibility API, Redpanda, and the local run's {@code SchemaRegistryHttpServer} in libs/local-schema-registry).
 * Blocking on purpose: Kafka serializers are synchronous, and after the first call per schema everything is answered
 * from the caches (ids per subject and schema, schemas per id are immutable in a registry, so they are cached
 * forever).
 *
 * <p>Thread-safe. Errors become {@link SchemaRegistryException} with the registry's {@code error_code} and message;
 * connection failures have status 0.
 */
public final class SchemaRegistryRestClient implements SchemaRegistry {

    /** Confluent's content type; also sent in Accept beside the generic JSON types. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String authorization;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** A client for the registry at {@code baseUri} (e.g. {@code http://127.0.0.1:8081}), 10 s timeouts, no auth. */
    public SchemaRegistryRestClient(URI baseUri) {
        this(baseUri, null, Duration.ofSeconds(10));
    }

    /**
     * @param baseUri           registry base URI; a path prefix is kept ({@code https://host/registry})
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null; never logged
     * @param timeout           connect and per-request timeout
     */
    public SchemaRegistryRestClient(URI baseUri, String basicAuthUserInfo, Duration timeout) {
        this(baseUri, basicAuthUserInfo, timeout, null);
    }

    /** As above; {@code sslContext} (null = the JVM default) decides which CAs an https registry may present. */
    public SchemaRegistryRestClient(URI baseUri, String basicAuthUserInfo, Duration timeout,
                                    javax.net.ssl.SSLContext sslContext) {
        String text = baseUri.toString();
        this.baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.requestTimeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        this.http = (sslContext == null ? builder : builder.sslContext(sslContext)).build();
        this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
    }

    public URI baseUri() {
        return baseUri;
    }

    @Override
    public int register(String subject, Schema schema) {
        String text = schema.toString();
        String cacheKey = subject + '\u0000' + text;
        Integer cached = idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(text));
        int id = answer.required("id").asInt();
        idsBySubjectAndSchema.put(cacheKey, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        String text = schema.toString();
        String cacheKey = subject + '\u0000' + text;
        Integer cached = idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(text));
        int id = answer.required("id").asInt();
        idsBySubjectAndSchema.put(cacheKey, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        // not computeIfAbsent: that would hold a map lock across an HTTP call
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer, "schema id " + id);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public SubjectVersion latest(String subject) {
        return subjectVersion(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
    }

    @Override
    public SubjectVersion version(String subject, int version) {
        return subjectVersion(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null), subject);
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        for (JsonNode v : send("GET", "/subjects/" + encode(subject) + "/versions", null)) {
            versions.add(v.asInt());
        }
        return versions;
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        for (JsonNode s : send("GET", "/subjects", null)) {
            subjects.add(s.asString());
        }
        return subjects;
    }

    @Override
    public String toString() {
        return "SchemaRegistryRestClient[" + baseUri + (authorization != null ? ", basic auth" : "") + "]";
    }

    private SubjectVersion subjectVersion(JsonNode answer, String subject) {
        int id = answer.required("id").asInt();
        Schema schema = parse(answer, "subject " + subject);
        schemasById.putIfAbsent(id, schema);
        return new SubjectVersion(answer.path("subject").asString(subject), answer.required("version").asInt(), id,
                schema);
    }

    private Schema parse(JsonNode answer, String what) {
        String type = answer.path("schemaType").asString("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "Registry " + baseUri + " returned a " + type + " schema for " + what + "; only AVRO is supported");
        }
        try {
            return new Schema.Parser().parse(answer.required("schema").asString());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "Registry " + baseUri + " returned an unparseable schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private JsonNode send(String method, String path, String body) {
        URI uri = URI.create(baseUri + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException(0, SchemaRegistryException.UNREACHABLE,
                    method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, SchemaRegistryException.UNREACHABLE,
                    method + " " + uri + " interrupted", e);
        }
        if (response.statusCode() >= 300) {
            throw error(method, uri, response);
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new SchemaRegistryException(response.statusCode(), SchemaRegistryException.BACKEND_ERROR,
                    method + " " + uri + " returned a body that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private static SchemaRegistryException error(String method, URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        int errorCode = status;
        String message = abbreviate(response.body());
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node != null && node.isObject()) {
                errorCode = node.path("error_code").asInt(status);
                message = node.path("message").asString(message);
            }
        } catch (JacksonException notJson) {
            // keep the raw body (a proxy's HTML error page, say)
        }
        return new SchemaRegistryException(status, errorCode,
                "Schema registry " + method + " " + uri + " -> HTTP " + status + ", error_code " + errorCode + ": "
                        + message);
    }

    private static String schemaBody(String schemaText) {
        return JSON.writeValueAsString(Map.of("schema", schemaText));
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
