package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_TOKEN;
import static io.mlconnector.gateway.TestTenants.LAKESIDE_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.mlconnector.events.ProcoreWebhookEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of bad Procore deliveries, each sent with the right token to the right tenant URL: every one is refused
 * with its status and a JSON reason, and nothing at all reaches the topic (checked by consuming it, with a valid
 * sentinel delivery sent last to prove the consumer would have seen anything published).
 */
class MalformedWebhookRejectedTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record BadDelivery(String name, String contentType, byte[] body, boolean chunked, HttpStatus status,
                       String reason) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadDeliveryIsRejectedWithAReasonAndNothingIsPublished() {
        List<BadDelivery> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
        Map<TopicPartition, Long> mark = procoreTopic.mark();
        Stream<DynamicTest> rejections = corpus.stream()
                .map(bad -> dynamicTest(bad.name(), () -> assertRejected(bad)));
        DynamicTest nothingPublished = dynamicTest("topic holds only the valid sentinel sent after the corpus", () -> {
            String sentinel = ProcorePayloads.ulid();
            http.post().uri("/webhooks/procore/{t}", HARBOR).header(HttpHeaders.AUTHORIZATION, "Bearer " + HARBOR_TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ProcorePayloads.v2(sentinel, HARBOR_COMPANY, 700001))
                    .exchange().expectStatus().isAccepted();
            List<ConsumerRecord<String, ProcoreWebhookEvent>> records =
                    procoreTopic.readFrom(mark, e -> e.getDeliveryId().equals(sentinel), Duration.ofSeconds(10));
            assertThat(records).extracting(r -> r.value().getDeliveryId()).containsExactly(sentinel);
        });
        return Stream.concat(rejections, Stream.of(nothingPublished));
    }

    private void assertRejected(BadDelivery bad) {
        var request = http.post().uri("/webhooks/procore/{t}", HARBOR)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + HARBOR_TOKEN);
        if (bad.contentType() != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, bad.contentType());
        }
        var response = bad.chunked()
                ? request.body(BodyInserters.fromPublisher(Flux.just(bad.body()).map(b -> b), byte[].class)).exchange()
                : request.bodyValue(bad.body()).exchange();
        response.expectStatus().isEqualTo(bad.status())
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo("rejected")
                .jsonPath("$.reason").isEqualTo(bad.reason())
                .jsonPath("$.detail").isNotEmpty();
    }

    private static List<BadDelivery> corpus() {
        List<BadDelivery> all = new ArrayList<>();
        String json = MediaType.APPLICATION_JSON_VALUE;
        String valid = ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 786001);

        // transport: content type and size
        all.add(raw("content type text/plain", "text/plain", valid, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
        all.add(raw("content type application/xml", "application/xml", valid, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
        all.add(raw("no content type", null, valid, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
        all.add(raw("form-encoded", "application/x-www-form-urlencoded", "id=1&resource_id=2", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
        all.add(raw("content type text/json", "text/json", valid, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
        all.add(raw("wildcard content type", "*/*", valid, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
        String padded = mutate(valid, n -> n.put("padding", "x".repeat(70 * 1024)));
        all.add(raw("body over 64 KiB with Content-Length", json, padded, HttpStatus.CONTENT_TOO_LARGE, "body_too_large"));
        all.add(new BadDelivery("body over 64 KiB chunked (no Content-Length)", json,
                padded.getBytes(StandardCharsets.UTF_8), true, HttpStatus.CONTENT_TOO_LARGE, "body_too_large"));

        // syntax
        all.add(malformed("empty body", ""));
        all.add(malformed("truncated JSON", valid.substring(0, valid.length() / 2)));
        all.add(malformed("only an opening brace", "{"));
        all.add(malformed("plain text", "hello procore"));
        all.add(malformed("trailing garbage after the object", valid + " xyz"));
        all.add(malformed("two objects back to back", valid + valid));
        all.add(malformed("array of deliveries instead of one object", "[" + valid + "]"));
        all.add(malformed("a JSON string", "\"update\""));
        all.add(malformed("a JSON number", "42"));
        all.add(malformed("JSON null", "null"));
        all.add(malformed("empty array", "[]"));
        all.add(malformed("duplicate key resource_id", valid.replaceFirst("\\{", "{ \"resource_id\": 1,")));
        all.add(malformed("single-quoted JSON", valid.replace('"', '\'')));
        all.add(malformed("NaN literal", valid.replace("\"resource_id\": 786001", "\"resource_id\": NaN")));
        all.add(malformed("comment inside JSON", "// hi\n" + valid));
        all.add(new BadDelivery("invalid UTF-8 inside a string", json,
                bytesWithInvalidUtf8(valid), false, HttpStatus.BAD_REQUEST, "malformed_json"));
        all.add(malformed("nesting 3000 levels deep", deep(3000)));

        // missing required fields
        all.add(invalid("empty object", "{}"));
        all.add(invalid("neither id nor ulid", mutate(valid, n -> n.remove(List.of("id", "ulid")))));
        all.add(invalid("missing resource_name", mutate(valid, n -> n.remove("resource_name"))));
        all.add(invalid("missing resource_id", mutate(valid, n -> n.remove("resource_id"))));
        all.add(invalid("missing event_type", mutate(valid, n -> n.remove("event_type"))));
        all.add(invalid("missing company_id", mutate(valid, n -> n.remove("company_id"))));

        // nulls
        all.add(invalid("resource_name null", mutate(valid, n -> n.putNull("resource_name"))));
        all.add(invalid("resource_id null", mutate(valid, n -> n.putNull("resource_id"))));
        all.add(invalid("company_id null", mutate(valid, n -> n.putNull("company_id"))));
        all.add(invalid("event_type null", mutate(valid, n -> n.putNull("event_type"))));
        all.add(invalid("id and ulid null", mutate(valid, n -> n.putNull("id").putNull("ulid"))));

        // wrong types
        all.add(invalid("v2 resource_id as a string", mutate(valid, n -> n.put("resource_id", "786001"))));
        all.add(invalid("resource_id with a fraction", mutate(valid, n -> n.put("resource_id", 786001.5))));
        all.add(invalid("resource_id boolean", mutate(valid, n -> n.put("resource_id", true))));
        all.add(invalid("v2 company_id as a string", mutate(valid, n -> n.put("company_id", "5001234"))));
        all.add(invalid("company_id an object", mutate(valid, n -> n.putObject("company_id").put("id", HARBOR_COMPANY))));
        all.add(invalid("v2 id a string and no ulid", mutate(valid, n -> n.put("id", "123").remove("ulid"))));
        all.add(invalid("ulid a number", mutate(valid, n -> n.put("ulid", 12345))));
        all.add(invalid("event_type a number", mutate(valid, n -> n.put("event_type", 1))));
        all.add(invalid("resource_name an array", mutate(valid, n -> n.putArray("resource_name").add("Direct Costs"))));
        all.add(invalid("resource_name an object", mutate(valid, n -> n.putObject("resource_name"))));
        all.add(invalid("project_id not a number", mutate(valid, n -> n.put("project_id", "abc"))));
        all.add(invalid("metadata an array", mutate(valid, n -> n.putArray("metadata"))));
        all.add(invalid("metadata.source_application_id an object",
                mutate(valid, n -> ((ObjectNode) n.get("metadata")).putObject("source_application_id"))));
        all.add(invalid("timestamp a number", mutate(valid, n -> n.put("timestamp", 1700000000))));
        all.add(invalid("timestamp not a date", mutate(valid, n -> n.put("timestamp", "yesterday"))));
        all.add(invalid("api_version a number", mutate(valid, n -> n.put("api_version", 2))));

        // out-of-range values
        all.add(new BadDelivery("api_version v9.0", json, bytes(mutate(valid, n -> n.put("api_version", "v9.0"))),
                false, HttpStatus.BAD_REQUEST, "unsupported_api_version"));
        all.add(invalid("negative resource_id", mutate(valid, n -> n.put("resource_id", -786001))));
        all.add(invalid("zero company_id", mutate(valid, n -> n.put("company_id", 0))));
        all.add(invalid("negative id without ulid", mutate(valid, n -> n.put("id", -5).remove("ulid"))));
        all.add(invalid("negative project_id", mutate(valid, n -> n.put("project_id", -1))));
        all.add(invalid("resource_id beyond 64 bits",
                valid.replace("\"resource_id\": 786001", "\"resource_id\": 99999999999999999999999")));
        all.add(invalid("ulid of the wrong length", mutate(valid, n -> n.put("ulid", "01EDPD2J6SBY"))));
        all.add(invalid("ulid with characters outside Crockford base32",
                mutate(valid, n -> n.put("ulid", "01EDPD2J6SBY1163N77H95GW0U"))));
        all.add(invalid("blank resource_name", mutate(valid, n -> n.put("resource_name", "   "))));
        all.add(invalid("event_type not a word", mutate(valid, n -> n.put("event_type", "UPDATE!!"))));
        all.add(invalid("resource_name of 300 characters", mutate(valid, n -> n.put("resource_name", "R".repeat(300)))));
        all.add(new BadDelivery("company_id of another tenant", json,
                bytes(ProcorePayloads.v2(ProcorePayloads.ulid(), LAKESIDE_COMPANY, 1)), false,
                HttpStatus.BAD_REQUEST, "company_mismatch"));
        all.add(new BadDelivery("company_id of no tenant", json, bytes(mutate(valid, n -> n.put("company_id", 6452))),
                false, HttpStatus.BAD_REQUEST, "company_mismatch"));

        // v4.0: string ids, reason, resource_type
        String v4 = ProcorePayloads.v4(ProcorePayloads.ulid(), HARBOR_COMPANY);
        all.add(invalid("v4 without reason", mutate(v4, n -> n.remove("reason"))));
        all.add(invalid("v4 reason null", mutate(v4, n -> n.putNull("reason"))));
        all.add(invalid("v4 numeric company_id", mutate(v4, n -> n.put("company_id", HARBOR_COMPANY))));
        all.add(invalid("v4 numeric resource_id", mutate(v4, n -> n.put("resource_id", 786001))));
        all.add(invalid("v4 resource_id not digits", mutate(v4, n -> n.put("resource_id", "abc"))));
        all.add(invalid("v4 negative resource_id", mutate(v4, n -> n.put("resource_id", "-786001"))));
        all.add(invalid("v4 project_id zero", mutate(v4, n -> n.put("project_id", "0"))));
        all.add(invalid("v4 without resource_type", mutate(v4, n -> n.remove("resource_type"))));
        all.add(invalid("v4 numeric id", mutate(v4, n -> n.put("id", 42))));
        all.add(invalid("v4 id with spaces", mutate(v4, n -> n.put("id", "not an id"))));
        all.add(new BadDelivery("v4 company_id of another tenant", json,
                bytes(ProcorePayloads.v4(ProcorePayloads.ulid(), LAKESIDE_COMPANY)), false,
                HttpStatus.BAD_REQUEST, "company_mismatch"));

        // hand-written files
        all.addAll(files());
        return all;
    }

    private static List<BadDelivery> files() {
        try {
            Path dir = Path.of(MalformedWebhookRejectedTest.class.getResource("/bad-webhooks").toURI());
            try (Stream<Path> paths = Files.list(dir)) {
                return paths.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                    String name = p.getFileName().toString();
                    String reason = name.startsWith("wrong-company") ? "company_mismatch"
                            : name.startsWith("v4-") || name.startsWith("v2-") ? "invalid_field" : "malformed_json";
                    return new BadDelivery("file " + name, MediaType.APPLICATION_JSON_VALUE, read(p), false,
                            HttpStatus.BAD_REQUEST, reason);
                }).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BadDelivery raw(String name, String contentType, String body, HttpStatus status, String reason) {
        return new BadDelivery(name, contentType, bytes(body), false, status, reason);
    }

    private static BadDelivery malformed(String name, String body) {
        return raw(name, MediaType.APPLICATION_JSON_VALUE, body, HttpStatus.BAD_REQUEST, "malformed_json");
    }

    private static BadDelivery invalid(String name, String body) {
        return raw(name, MediaType.APPLICATION_JSON_VALUE, body, HttpStatus.BAD_REQUEST, "invalid_field");
    }

    private static String mutate(String json, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        change.accept(node);
        return JSON.writeValueAsString(node);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytesWithInvalidUtf8(String valid) {
        byte[] body = bytes(valid.replace("Work Order Contracts", "Work Order Contract#"));
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf('#');
        body[at] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
        return body;
    }

    private static String deep(int levels) {
        return "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
    }
}
