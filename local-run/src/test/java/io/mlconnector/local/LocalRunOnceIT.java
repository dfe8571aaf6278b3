package io.mlconnector.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.bc.SandboxCompany;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole connector end to end, as {@code bin/ml-connector local --once --state-dir DIR} runs it: a real
 * KRaft broker in a child JVM, the MongoDB-wire store, the schema registry over HTTP, both sandboxes with
 * the demo data, and the five services. The demo's mappable documents end up posted in the BC sandbox on
 * the right vendor, accounts and dimensions; the unmappable ones are parked with reasons; the summary accounts for
 * every document read (posted + waiting + skipped + failed = read) and counts each service's API calls by purpose,
 * as many as the sandboxes logged; a second run on the same state listens on the same ports and posts nothing.
 */
class LocalRunOnceIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();

    @Test
    void postsTheDemoOnceParksWhatCannotMapAndASecondRunPostsNothing(@TempDir Path temp) throws Exception {
        Path summaryFile = temp.resolve("summary.json");
        LocalOptions options = LocalOptions.parse(List.of("--once", "--state-dir", temp.resolve("state").toString(),
                "--summary-json", summaryFile.toString()), HOME);

        RunSummary first;
        List<JsonNode> postedInvoices;
        Map<String, String> addresses;
        java.io.ByteArrayOutputStream startup = new java.io.ByteArrayOutputStream();
        try (LocalRun run = LocalRun.start(options, new java.io.PrintStream(startup, true, UTF_8))) {
            System.out.print(startup.toString(UTF_8));
            addresses = addresses(run);
            // startup names every management address of every service, as the services answer them
            String printed = startup.toString(UTF_8);
            for (ServiceLauncher.Service service : ServiceLauncher.Service.values()) {
                String base = "http://127.0.0.1:" + addresses.get(service.name);
                assertThat(printed).as(service.name).contains(base + "/actuator/health")
                        .contains(base + "/actuator/metrics").contains(base + "/actuator/prometheus");
            }
            assertThat(printed)
                    .contains("http://127.0.0.1:" + addresses.get("mapping-service") + "/api/tenants/{tenant}/mapping/rule")
                    .contains("http://127.0.0.1:" + addresses.get("mapping-service") + "/api/tenants/{tenant}/exceptions")
                    .contains("http://127.0.0.1:" + addresses.get("bc-poster") + "/api/tenants/{tenant}/postings")
                    .contains("http://127.0.0.1:" + addresses.get("vendor-sync")
                            + "/vendor-sync/tenants/{tenantId}/vendor-links/{procoreVendorId}")
                    .contains("replay control:   http://127.0.0.1:" + addresses.get("replay-control"));
            first = run.syncOnce();
            System.out.print(first.toText());
            first.writeJson(summaryFile);
            SandboxCompany bc = run.stack().bc.company();

            assertThat(first.failed()).as("nothing may fail").isEmpty();
            assertEveryDocumentReadIsAccountedFor(first);
            assertThat(first.outcomes().get(RunSummary.Outcome.FAILED)).isZero();
            assertThat(first.documents()).filteredOn(d -> d.why().stream().anyMatch(w -> w.startsWith("posted in this run")))
                    .as("every document posted in this run is accounted as posted").hasSize((int) first.totalPosted());
            // the parked ones wait at mapping-service, each with its reasons
            assertThat(first.documents()).filteredOn(d -> d.sourceId().equals("7400103")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.outcome()).isEqualTo(RunSummary.Outcome.WAITING);
                        assertThat(d.where()).isEqualTo("mapping-service");
                        assertThat(d.why()).anyMatch(r -> r.contains("99-900"));
                    });
            // API calls by service and purpose, counted as sent, and the same number in the sandboxes' logs
            assertThat(first.apiCallsBy().get("procore-ingest").get(ApiCallTally.PROCORE))
                    .containsKey("token").containsKey("list projects");
            assertThat(first.apiCallsBy().get("bc-poster").get(ApiCallTally.BUSINESS_CENTRAL))
                    .containsKey("token").containsKey("create purchase invoices");
            assertThat(sent(first, ApiCallTally.PROCORE)).isEqualTo(first.apiCallsLogged().get(ApiCallTally.PROCORE));
            assertThat(sent(first, ApiCallTally.BUSINESS_CENTRAL))
                    .isEqualTo(first.apiCallsLogged().get(ApiCallTally.BUSINESS_CENTRAL));
            assertThat(first.toText()).contains("= documents read: every document read is accounted for");
            assertThat(first.documentsRead()).containsKeys("REQUISITION", "DIRECT_COST");
            assertThat(first.postedByBcDocumentType().getOrDefault("PURCHASE_INVOICE", 0L)).isGreaterThanOrEqualTo(10);

            postedInvoices = bc.purchaseInvoices().stream().filter(i -> !"Draft".equals(i.path("status").asString()))
                    .toList();
            assertThat(bc.draftPurchaseInvoiceCount()).as("no draft left behind").isZero();
            // every posted invoice carries a posting key and exactly one invoice exists per key
            Set<String> keys = postedInvoices.stream().map(i -> BcInvoices.postingKey(bc, i))
                    .collect(Collectors.toSet());
            assertThat(keys).hasSize(postedInvoices.size());
            assertThat(keys).allMatch(k -> k.startsWith("RQ-") || k.startsWith("DC-"));

            // a requisition posts on the subcontractor's vendor with cost lines plus a negative retainage line
            JsonNode requisition = postedInvoices.stream()
                    .filter(i -> BcInvoices.postingKey(bc, i).startsWith("RQ-")).findFirst().orElseThrow();
            List<JsonNode> lines = bc.purchaseInvoiceLines(java.util.UUID.fromString(requisition.path("id").asString()));
            assertThat(lines).anyMatch(l -> l.path("lineObjectNumber").asString().equals("5130"));
            assertThat(lines).anyMatch(l -> l.path("lineObjectNumber").asString().equals("2120")
                    && l.path("quantity").decimalValue().signum() < 0);

            // the unmappable ones are parked with their reasons
            assertThat(first.parked()).extracting(RunSummary.Parked::sourceId)
                    .contains("7400103", "7400301", "7400201", "7300202");
            assertThat(first.parked()).filteredOn(p -> p.sourceId().equals("7400103"))
                    .flatExtracting(RunSummary.Parked::reasons).anyMatch(r -> r.contains("99-900"));
            assertThat(first.waitingForAPerson()).isEqualTo(first.parked().size());

            // Change orders post line by line, each line with its own cost code and cost type: commitment change
            // order 7500301 has a line with no commitment line behind it (07-500 x M only in its wbs_code), prime
            // change order 7600301 has two lines. Before, the first posted without those dimensions and the second
            // as one summed line with the project dimension only.
            assertThat(entriesOn(bc, "CO-7500301-", "1810")).containsExactlyInAnyOrder(
                    "42600.00 PROJECT=2025-003 COSTCODE=03-300 COSTTYPE=S",
                    "6150.00 PROJECT=2025-003 COSTCODE=07-500 COSTTYPE=M");
            assertThat(entriesOn(bc, "PC-7600301-", "4910")).containsExactlyInAnyOrder(
                    "51800.00 PROJECT=2025-003 COSTCODE=03-300 COSTTYPE=S",
                    "6900.00 PROJECT=2025-003 COSTCODE=07-500 COSTTYPE=S");

            // An accountant fixes the mapping that sent masonry materials to a blocked account: the parked direct
            // cost is re-driven and posts, once, without another sync.
            assertThat(BcInvoices.posted(bc, "DC-7400201")).isEmpty();
            int mapping = run.services().port(ServiceLauncher.Service.MAPPING_SERVICE);
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + mapping + "/api/tenants/harbor-ridge/mapping/rule"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"costCode\":\"04-200\",\"costType\":\"M\",\"glAccount\":\"5120\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(BcInvoices.posted(bc, "DC-7400201")).hasSize(1));

            // Lone Star Rebar Supply was made by hand in Procore and has no BC vendor yet, so its direct cost waits.
            // The accountant creates the vendor in BC (vendor-sync reports the name clash and creates no duplicate)
            // and links the two through vendor-sync, which owns vendor links: the link reaches mapping-service on
            // vendor.links and the parked direct cost posts, once, without another sync.
            bc.addVendor(tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                    .put("number", "V1310").put("displayName", "Lone Star Rebar Supply"));
            int vendorSync = run.services().port(ServiceLauncher.Service.VENDOR_SYNC);
            var linked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + vendorSync
                                    + "/vendor-sync/tenants/harbor-ridge/vendor-links/3968032"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"bcVendorNumber\":\"V1310\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(BcInvoices.posted(bc, "DC-7400301")).hasSize(1));
        }
        assertThat(Files.readString(summaryFile)).contains("\"postedByBcDocumentType\"");

        try (LocalRun again = LocalRun.start(options, System.out)) {
            assertThat(addresses(again)).as("a restart on the same --state-dir listens where the first run did")
                    .isEqualTo(addresses);
            RunSummary second = again.syncOnce();
            System.out.print(second.toText());
            assertEveryDocumentReadIsAccountedFor(second);
            assertThat(second.totalPosted()).as("second run posts nothing").isZero();
            assertThat(second.failed()).isEmpty();
            SandboxCompany bc = again.stack().bc.company();
            long postedNow = bc.purchaseInvoices().stream().filter(i -> !"Draft".equals(i.path("status").asString())).count();
            assertThat(postedNow).as("BC sandbox state kept between runs; nothing posted twice")
                    .isEqualTo(postedInvoices.size() + 2);
        }
    }

    static void assertEveryDocumentReadIsAccountedFor(RunSummary summary) {
        Map<RunSummary.Outcome, Long> outcomes = summary.outcomes();
        assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum())
                .as("posted + waiting + skipped + failed = documents read: " + outcomes)
                .isEqualTo(summary.totalRead());
        assertThat(summary.documents()).allSatisfy(d -> assertThat(d.why()).as(d.sourceType() + " " + d.sourceId())
                .isNotEmpty());
    }

    static long sent(RunSummary summary, String api) {
        return summary.apiCallsBy().values().stream().map(apis -> apis.getOrDefault(api, Map.of()))
                .flatMap(p -> p.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Every listener's address: the sandboxes', registry's, store's, broker's, replay control's, each service's. */
    static Map<String, String> addresses(LocalRun run) {
        Map<String, String> ports = new java.util.LinkedHashMap<>();
        LocalStack stack = run.stack();
        ports.put("procore-sandbox", stack.procore.baseUrl());
        ports.put("bc-sandbox", stack.bc.apiBaseUrl());
        ports.put("schema-registry", stack.registry.baseUri().toString());
        ports.put("mongodb", stack.mongo.connectionString());
        ports.put("kafka", stack.kafka.bootstrapServers());
        ports.put("replay-control", Integer.toString(run.controlPort()));
        for (ServiceLauncher.Service service : ServiceLauncher.Service.values()) {
            ports.put(service.name, Integer.toString(run.services().port(service)));
        }
        return ports;
    }

    /** "amount dims" of the G/L entries on one account of the journal posted under a posting key prefix. */
    private static List<String> entriesOn(SandboxCompany bc, String keyPrefix, String account) {
        return bc.generalLedgerEntries().stream()
                .filter(e -> e.path("externalDocumentNumber").asString().startsWith(keyPrefix)
                        && account.equals(e.path("accountNumber").asString()))
                .map(e -> e.path("debitAmount").decimalValue().subtract(e.path("creditAmount").decimalValue())
                        .setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + " "
                        + java.util.stream.StreamSupport.stream(e.path("dimensionSetLines").spliterator(), false)
                                .map(d -> d.path("code").asString() + "=" + d.path("valueCode").asString())
                                .sorted(java.util.Comparator.comparingInt(LocalRunOnceIT::dimensionOrder))
                                .collect(Collectors.joining(" ")))
                .toList();
    }

    private static int dimensionOrder(String assignment) {
        return assignment.startsWith("PROJECT=") ? 0 : assignment.startsWith("COSTCODE=") ? 1 : 2;
    }
}
