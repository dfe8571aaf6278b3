package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_BC_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
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
import io.mlconnector.events.BcNotification;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed-webhook corpus: bad Procore deliveries (most with the right token to the right tenant URL; also
 * unknown tenants, bad tokens and wrong methods) are each refused with their status and a JSON reason; bad BC
 * notifications are each answered 200 (a 4xx makes BC delete the subscription) with nothing published. Nothing at
 * all reaches either topic: checked by consuming them, with a valid sentinel sent last to each to prove the
 * consumer would have seen anything published. Prints the reliability figure
 * {@code reliability: bad webhook inputs rejected=N published=0}. Add every new bad input found here.
 */
@Tag("reliability")
class MalformedWebhookRejectedTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record BadDelivery(String name, String contentType, byte[] body, boolean chunked, HttpStatus status,
                       String reason, HttpMethod method, String tenant, String auth) {

        BadDelivery(String name, String contentType, byte[] body, boolean chunked, HttpStatus status, String reason) {
            this(name, contentType, body, chunked, status, reason, HttpMethod.POST, "procore/" + HARBOR,
                    "Bearer " + HARBOR_TOKEN);
        }
    }

    /** A bad BC notification: answered 200 (any other 4xx makes BC delete the subscription), nothing published. */
    record BadNotification(String name, String contentType, String tenant, String body) {
    }

    private final AtomicInteger rejected = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyBadDeliveryIsRejectedWithAReasonAndNothingIsPublished() {
        List<BadDelivery> corpus = corpus();
        List<BadNotification> notifications = bcCorpus();
        assertThat(corpus.size() + notifications.size()).isGreaterThanOrEqualTo(200);
        Map<TopicPartition, Long> procoreMark = procoreTopic.mark();
        Map<TopicPartition, Long> bcMark = bcTopic.mark();
        Stream<DynamicTest> rejections = corpus.stream()
                .map(bad -> dynamicTest(bad.name(), () -> {
                    assertRejected(bad);
                    rejected.incrementAndGet();
                }));
        Stream<DynamicTest> bcRejections = notifications.stream()
                .map(bad -> dynamicTest("BC " + bad.name(), () -> {
                    assertIgnored(bad);
                    rejected.incrementAndGet();
                }));
        DynamicTest nothingPublished = dynamicTest("topics hold only the valid sentinels sent after the corpus", () -> {
            String sentinel = ProcorePayloads.ulid();
            http.post().uri("/webhooks/procore/{t}", HARBOR).header(HttpHeaders.AUTHORIZATION, "Bearer " + HARBOR_TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ProcorePayloads.v2(sentinel, HARBOR_COMPANY, 700001))
                    .exchange().expectStatus().isAccepted();
            String bcSentinel = BcNotifications.newVendor(HARBOR_BC_COMPANY);
            http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(BcNotifications.body(BcNotifications.entry(liveSubscription, HARBOR_CLIENT_STATE,
                            bcSentinel, "updated", "2026-11-27T09:59:30.123Z")))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.published").isEqualTo(1);
            List<ConsumerRecord<String, ProcoreWebhookEvent>> records =
                    procoreTopic.readFrom(procoreMark, e -> e.getDeliveryId().equals(sentinel), Duration.ofSeconds(10));
            List<ConsumerRecord<String, BcNotification>> bcRecords =
                    bcTopic.readFrom(bcMark, e -> e.getResource().equals(bcSentinel), Duration.ofSeconds(10));
            long published = records.stream().filter(r -> !r.value().getDeliveryId().equals(sentinel)).count()
                    + bcRecords.stream().filter(r -> !r.value().getResource().equals(bcSentinel)).count();
            assertThat(records).extracting(r -> r.value().getDeliveryId()).containsExactly(sentinel);
            assertThat(bcRecords).extracting(r -> r.value().getResource()).containsExactly(bcSentinel);
            assertThat(rejected.get()).isEqualTo(corpus.size() + notifications.size());
            System.out.println("reliability: bad webhook inputs rejected=" + rejected.get() + " published=" + published);
        });
        return Stream.of(rejections, bcRejections, Stream.of(nothingPublished)).flatMap(d -> d);
    }

    private String liveSubscription;

    private void assertIgnored(BadNotification bad) {
        var request = http.post().uri("/webhooks/bc/{t}", bad.tenant());
        if (bad.contentType() != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, bad.contentType());
        }
        request.bodyValue(bytes(bad.body())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.published").isEqualTo(0);
    }

    private void assertRejected(BadDelivery bad) {
        var request = http.method(bad.method()).uri("/webhooks/" + bad.tenant());
        if (bad.auth() != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bad.auth());
        }
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

        // ids outside the 64-bit range: every consumer reads Procore ids as long (a v4 company_id answered 500,
        // a v4 resource_id was published and stalled procore-ingest)
        for (String field : List.of("company_id", "resource_id", "project_id")) {
            for (String big : List.of("9223372036854775808", "9999999999999999999", "18446744073709551616",
                    "99999999999999999999999999")) {
                all.add(invalid("v4 " + field + " " + big + " beyond 64 bits", mutate(v4, n -> n.put(field, big))));
            }
        }
        for (String field : List.of("id", "resource_id", "company_id", "project_id")) {
            for (String big : List.of("9223372036854775808", "-9223372036854775809", "18446744073709551616")) {
                String body = mutate(valid, n -> n.put(field, 1).remove(field.equals("id") ? "ulid" : "none"))
                        .replace("\"" + field + "\":1", "\"" + field + "\":" + big);
                all.add(invalid("v2 " + field + " " + big + " beyond 64 bits", body));
            }
            all.add(invalid("v2 " + field + " 1e3 in exponent form",
                    mutate(valid, n -> n.put(field, 1).remove(field.equals("id") ? "ulid" : "none"))
                            .replace("\"" + field + "\":1", "\"" + field + "\":1e3")));
            all.add(invalid("v2 " + field + " an array",
                    mutate(valid, n -> {
                        n.remove(field.equals("id") ? "ulid" : "none");
                        n.putArray(field).add(1);
                    })));
            all.add(invalid("v2 " + field + " zero",
                    mutate(valid, n -> {
                        n.remove(field.equals("id") ? "ulid" : "none");
                        n.put(field, 0);
                    })));
        }
        for (String field : List.of("company_id", "resource_id", "project_id")) {
            for (String bad : List.of("0", "-1", "1.5", "1e5", "12a", "0x1F", "+12", "١٢")) {
                all.add(invalid("v4 " + field + " '" + bad + "'", mutate(v4, n -> n.put(field, bad))));
            }
        }

        // control and invisible characters end up in Kafka keys and log lines: CR/LF forge log lines, ESC drives
        // terminals, bidi overrides and zero-width characters hide text from an operator
        Map<String, String> controls = new java.util.LinkedHashMap<>();
        controls.put("CR", "\r");
        controls.put("LF", "\n");
        controls.put("CRLF", "\r\n");
        controls.put("ANSI colour escape", "\u001b[31m");
        controls.put("ANSI title escape", "\u001b]0;pwned\u0007");
        controls.put("NUL", "\u0000");
        controls.put("TAB", "\t");
        controls.put("DEL", "\u007f");
        controls.put("NEL", "\u0085");
        controls.put("line separator", "\u2028");
        controls.put("paragraph separator", "\u2029");
        controls.put("right-to-left override", "\u202e");
        controls.put("zero-width space", "\u200b");
        controls.put("byte order mark", "\ufeff");
        controls.forEach((what, chars) -> {
            all.add(invalid("resource_name with " + what + " inside",
                    mutate(valid, n -> n.put("resource_name", "Direct" + chars + "Costs"))));
            all.add(invalid("resource_name ending in " + what,
                    mutate(valid, n -> n.put("resource_name", "Direct Costs" + chars))));
            all.add(invalid("v4 resource_type with " + what,
                    mutate(v4, n -> n.put("resource_type", "Purchase Order" + chars + "Contracts"))));
            all.add(invalid("metadata.source_application_id with " + what,
                    mutate(valid, n -> ((ObjectNode) n.get("metadata")).put("source_application_id",
                            "app" + chars + "1"))));
        });
        all.add(invalid("resource_name with a lone surrogate",
                valid.replace("\"Work Order Contracts\"", "\"Work Order \\ud800Contracts\"")));
        all.add(invalid("v4 resource_name (no resource_type) with CRLF",
                mutate(v4, n -> {
                    n.remove("resource_type");
                    n.put("resource_name", "Direct Costs\r\nX-Forged: 1");
                })));
        all.add(invalid("metadata.source_application_id of 300 characters",
                mutate(valid, n -> ((ObjectNode) n.get("metadata")).put("source_application_id", "a".repeat(300)))));

        // authentication: an unknown tenant answers exactly like a known one with a bad token
        byte[] validBytes = bytes(valid);
        all.add(new BadDelivery("unknown tenant with a token", json, validBytes, false, HttpStatus.UNAUTHORIZED,
                "wrong_token", HttpMethod.POST, "procore/no-such-tenant", "Bearer " + HARBOR_TOKEN));
        all.add(new BadDelivery("unknown tenant without a token", json, validBytes, false, HttpStatus.UNAUTHORIZED,
                "missing_token", HttpMethod.POST, "procore/no-such-tenant", null));
        all.add(new BadDelivery("malformed tenant id", json, validBytes, false, HttpStatus.UNAUTHORIZED,
                "wrong_token", HttpMethod.POST, "procore/Not_A_Tenant", "Bearer " + HARBOR_TOKEN));
        all.add(new BadDelivery("known tenant, wrong token", json, validBytes, false, HttpStatus.UNAUTHORIZED,
                "wrong_token", HttpMethod.POST, "procore/" + HARBOR, "Bearer wrong"));
        all.add(new BadDelivery("known tenant, another tenant's token", json, validBytes, false,
                HttpStatus.UNAUTHORIZED, "wrong_token", HttpMethod.POST, "procore/" + HARBOR,
                "Bearer " + TestTenants.LAKESIDE_TOKEN));
        all.add(new BadDelivery("known tenant, no token", json, validBytes, false, HttpStatus.UNAUTHORIZED,
                "missing_token", HttpMethod.POST, "procore/" + HARBOR, null));

        // methods the URLs do not serve: 405 with Allow, not 404
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            all.add(new BadDelivery(method + " on the Procore URL", json, validBytes, false,
                    HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", method, "procore/" + HARBOR,
                    "Bearer " + HARBOR_TOKEN));
        }
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            all.add(new BadDelivery(method + " on the BC URL", json, bytes("{\"value\":[]}"), false,
                    HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", method, "bc/" + HARBOR, null));
        }

        // hand-written files
        all.addAll(files());
        return all;
    }

    /** Needs a live subscription of the tenant, which the gateway learns from bc.webhook-subscriptions. */
    private List<BadNotification> bcCorpus() {
        liveSubscription = liveSubscription(HARBOR, HARBOR_BC_COMPANY, "vendors");
        String expired = "expired" + System.nanoTime();
        subscriptionKnown(HARBOR, expired, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/vendors",
                java.time.Instant.now().minusSeconds(60), false);
        String deleted = "deleted" + System.nanoTime();
        subscriptionKnown(HARBOR, deleted, "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/vendors",
                java.time.Instant.now().plusSeconds(86_400), true);
        String lakesides = liveSubscription(TestTenants.LAKESIDE, HARBOR_BC_COMPANY, "vendors");
        String live = liveSubscription;
        String cs = HARBOR_CLIENT_STATE;
        String at = "2026-11-27T09:59:30.123Z";
        String company = "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")/";
        String json = MediaType.APPLICATION_JSON_VALUE;
        List<BadNotification> all = new ArrayList<>();
        java.util.function.BiConsumer<String, String> entry = (name, body) ->
                all.add(new BadNotification(name, json, HARBOR, BcNotifications.body(body)));

        entry.accept("unknown subscription", BcNotifications.entry("never-made-1", cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("expired subscription", BcNotifications.entry(expired, cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("deleted subscription", BcNotifications.entry(deleted, cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("another tenant's subscription", BcNotifications.entry(lakesides, cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("resource in another company", BcNotifications.entry(live, cs,
                BcNotifications.newVendor("00000000-0000-4000-8000-000000000bad"), "updated", at));
        entry.accept("resource without a company", BcNotifications.entry(live, cs,
                "api/v2.0/vendors(" + java.util.UUID.randomUUID() + ")", "updated", at));
        entry.accept("resource in another entity set", BcNotifications.entry(live, cs,
                company + "accounts(" + java.util.UUID.randomUUID() + ")", "updated", at));
        entry.accept("collection of another entity set", BcNotifications.entry(live, cs,
                company + "purchaseInvoices", "collection", at));
        entry.accept("CRLF in the record key", BcNotifications.entry(live, cs, company + "vendors(a\\r\\nb)",
                "updated", at));
        entry.accept("ANSI escape in the record key", BcNotifications.entry(live, cs,
                company + "vendors(\\u001b[31mred)", "updated", at));
        entry.accept("NUL in the record key", BcNotifications.entry(live, cs, company + "vendors(a\\u0000)",
                "updated", at));
        entry.accept("LF in the subscriptionId", BcNotifications.entry(live + "\\n", cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("subscriptionId of 151 characters", BcNotifications.entry("s".repeat(151), cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("wrong clientState", BcNotifications.entry(live, TestTenants.LAKESIDE_CLIENT_STATE,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("empty clientState", BcNotifications.entry(live, "",
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        entry.accept("unknown changeType", BcNotifications.entry(live, cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "renamed", at));
        entry.accept("blank resource", BcNotifications.entry(live, cs, " ", "updated", at));
        entry.accept("resource naming only the company", BcNotifications.entry(live, cs,
                "api/v2.0/companies(" + HARBOR_BC_COMPANY + ")", "updated", at));
        entry.accept("entry without clientState", "{\"subscriptionId\":\"" + live + "\",\"resource\":\""
                + BcNotifications.newVendor(HARBOR_BC_COMPANY) + "\",\"changeType\":\"updated\"}");
        entry.accept("subscriptionId a number", "{\"subscriptionId\":42,\"clientState\":\"" + cs
                + "\",\"resource\":\"" + BcNotifications.newVendor(HARBOR_BC_COMPANY) + "\",\"changeType\":\"updated\"}");
        entry.accept("entry a string", "\"not an object\"");
        entry.accept("entry an array", "[1,2]");
        String valid = BcNotifications.body(BcNotifications.entry(live, cs,
                BcNotifications.newVendor(HARBOR_BC_COMPANY), "updated", at));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "*/*", "application/jsonx")) {
            all.add(new BadNotification("Content-Type " + type, type, HARBOR, valid));
        }
        all.add(new BadNotification("no Content-Type", null, HARBOR, valid));
        all.add(new BadNotification("unknown tenant", json, "no-such-tenant", valid));
        all.add(new BadNotification("malformed tenant id", json, "Not_A_Tenant", valid));
        for (String body : List.of("", "{", "[]", "{\"value\": {}}", "{\"value\": null}", "<xml/>", "null",
                "{\"value\": \"x\"}")) {
            all.add(new BadNotification("body '" + body + "'", json, HARBOR, body));
        }
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
