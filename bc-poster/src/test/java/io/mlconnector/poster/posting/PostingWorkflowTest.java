package io.mlconnector.poster.posting;

import static io.mlconnector.poster.testbed.PostingRequests.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.posting.invoice.PostedNumberRead;
import io.mlconnector.poster.posting.invoice.PurchaseInvoiceDocument;
import io.mlconnector.poster.testbed.BcDocuments;
import io.mlconnector.poster.testbed.PosterProcess;
import io.mlconnector.poster.testbed.PosterTestBed;
import io.mlconnector.poster.testbed.PostingRequests;
import io.mlconnector.posting.store.PostingState;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.bc.RequestLogEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The workflow against the BC sandbox over loopback HTTP and real stores: what lands in BC (vendor, accounts,
 * quantities, dimensions), what it costs in BC calls (from the sandbox's own request log), and what each kind of
 * BC failure does to the posting.
 */
class PostingWorkflowTest {

    private static PosterTestBed bed;

    private MongoDatabase db;
    private PosterProcess poster;

    @BeforeAll
    static void start() {
        bed = PosterTestBed.start();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @BeforeEach
    void freshProcess() {
        db = bed.freshDatabase();
        poster = bed.process(db);
        bed.bc.clearFaults();
        bed.bc.clearRequestLog();
    }

    @Test
    void purchaseInvoicePostsInTwoRequestsWithTheVendorsInvoiceNumberAndReportsThePostedNumber() {
        PostingRequest request = PostingRequests.requisition();

        PostingResult result = poster.post(request);

        List<RequestLogEntry> calls = bed.apiCalls();
        // the draft with lines and line dimensions in one deep insert; the post and the read of its number in one $batch
        assertThat(calls).extracting(RequestLogEntry::method, c -> endpoint(c.pathAndQuery())).containsExactly(
                tuple("POST", "purchaseInvoices"), tuple("POST", "$batch"));
        assertThat(calls).allSatisfy(c -> assertThat(c.status()).isBetween(200, 299));
        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(result.getBcCalls()).isEqualTo(2);

        JsonNode invoice = single(BcDocuments.posted(bed.bc, request));
        assertThat(invoice.path("vendorInvoiceNumber").asString()).as("the subcontractor's own number, as BC keeps it")
                .isEqualTo(request.getVendorInvoiceNumber().toUpperCase());
        assertThat(invoice.path("vendorNumber").asString()).isEqualTo(PostingRequests.APEX_NUMBER);
        assertThat(invoice.path("status").asString()).isEqualTo("Open");
        assertThat(invoice.path("number").asString()).startsWith("PPI-");
        assertThat(invoice.path("totalAmountExcludingTax").decimalValue()).isEqualByComparingTo("13050.00");
        assertThat(result.getBcDocumentNumber()).isEqualTo(invoice.path("number").asString());
        assertThat(result.getBcDocumentId()).isEqualTo(invoice.path("id").asString());

        List<JsonNode> all = bed.bc.company().purchaseInvoiceLines(UUID.fromString(invoice.path("id").asString()));
        assertThat(all).filteredOn(l -> "Comment".equals(l.path("lineType").asString())).singleElement()
                .satisfies(l -> assertThat(l.path("description").asString())
                        .isEqualTo("Procore posting " + request.getPostingKey()));
        List<JsonNode> lines = all.stream().filter(l -> !"Comment".equals(l.path("lineType").asString())).toList();
        assertThat(lines).extracting(l -> l.path("lineObjectNumber").asString(), l -> l.path("quantity").decimalValue(),
                        l -> l.path("unitCost").decimalValue(), PostingWorkflowTest::dimensions)
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyInAnyOrder(
                        tuple("5130", BigDecimal.ONE, money("12500.00"),
                                Map.of("PROJECT", "2024-001", "COSTCODE", "03-300", "COSTTYPE", "S")),
                        tuple("5130", BigDecimal.ONE, money("2000.00"),
                                Map.of("PROJECT", "2024-001", "COSTCODE", "01-100", "COSTTYPE", "S")),
                        // retainage withheld: quantity -1 at a positive cost (BC refuses a negative unit cost)
                        tuple("2120", BigDecimal.ONE.negate(), money("1450.00"), Map.of("PROJECT", "2024-001")));

        assertThat(poster.record(request.getPostingKey())).satisfies(r -> {
            assertThat(r.state()).isEqualTo(PostingState.POSTED);
            assertThat(r.bcDocumentNumber()).isEqualTo(invoice.path("number").asString());
        });
        assertThat(draftsWithKey(request)).isZero();
    }

    @Test
    void withASeparateReadThePostedNumberCostsOneGetMore() {
        PosterProcess separate = bed.process(bed.freshDatabase(), PosterTestBed.clientOptions(),
                document -> document instanceof PurchaseInvoiceDocument
                        ? new PurchaseInvoiceDocument(java.time.Duration.ofSeconds(30), PostedNumberRead.SEPARATE_READ)
                        : document);
        PostingRequest request = PostingRequests.requisition();

        PostingResult result = separate.post(request);

        assertThat(bed.apiCalls()).extracting(RequestLogEntry::method, c -> endpoint(c.pathAndQuery())).containsExactly(
                tuple("POST", "purchaseInvoices"), tuple("POST", "Microsoft.NAV.post"), tuple("GET", "purchaseInvoices"));
        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        JsonNode invoice = single(BcDocuments.posted(bed.bc, request));
        assertThat(result.getBcDocumentNumber()).isEqualTo(invoice.path("number").asString()).startsWith("PPI-");
        assertThat(result.getBcDocumentId()).isEqualTo(invoice.path("id").asString());
    }

    @Test
    void creditMemoPostsOnceOnTheVendor() {
        PostingRequest request = PostingRequests.creditMemo();

        PostingResult result = poster.post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(bed.apiCalls()).extracting(c -> endpoint(c.pathAndQuery()))
                .containsExactly("purchaseCreditMemos", "$batch"); // the draft; the post with the read of its number
        JsonNode memo = single(BcDocuments.posted(bed.bc, request));
        assertThat(memo.path("vendorCreditMemoNumber").asString()).isEqualTo(request.getVendorInvoiceNumber().toUpperCase());
        assertThat(memo.path("vendorNumber").asString()).isEqualTo(PostingRequests.PACIFIC_NUMBER);
        assertThat(memo.path("number").asString()).startsWith("PPCM-");
        assertThat(result.getBcDocumentNumber()).isEqualTo(memo.path("number").asString());
        assertThat(memo.path("totalAmountExcludingTax").decimalValue()).isEqualByComparingTo("830.00");
    }

    @Test
    void journalLinesGoInOneBatchThenTheBatchIsPostedAndGlEntriesCarryTheKey() {
        PostingRequest request = PostingRequests.commitment(3);

        PostingResult result = poster.post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        // the batch lookup (once per company), the lines with their dimensions in one $batch, one read of the batch
        // so nothing in it would post twice, the batch post
        assertThat(bed.apiCalls()).extracting(RequestLogEntry::method, c -> endpoint(c.pathAndQuery()))
                .containsExactly(tuple("GET", "journals"), tuple("POST", "$batch"), tuple("GET", "journalLines"),
                        tuple("POST", "Microsoft.NAV.post"));
        List<JsonNode> entries = bed.bc.company().generalLedgerEntries(request.getPostingKey());
        assertThat(entries).hasSize(6); // 3 lines, each with its balancing entry
        assertThat(entries).allSatisfy(e -> assertThat(e.path("documentNumber").asString())
                .isEqualTo(request.getPostingKey()));
        assertThat(entries).filteredOn(e -> e.path("accountNumber").asString().equals("1810"))
                .extracting(e -> e.path("debitAmount").decimalValue(), PostingWorkflowTest::dimensions)
                .containsExactlyInAnyOrder(
                        tuple(money("1000.25"), Map.of("PROJECT", "2025-003", "COSTCODE", "03-300", "COSTTYPE", "S")),
                        tuple(money("1001.25"), Map.of("PROJECT", "2025-003", "COSTCODE", "05-100", "COSTTYPE", "S")),
                        tuple(money("1002.25"), Map.of("PROJECT", "2025-003", "COSTCODE", "09-200", "COSTTYPE", "S")));
        assertThat(entries).filteredOn(e -> e.path("accountNumber").asString().equals("1815"))
                .extracting(e -> e.path("creditAmount").decimalValue())
                .containsExactlyInAnyOrder(money("1000.25"), money("1001.25"), money("1002.25"));
        assertThat(bed.bc.company().journalLines("PROCORE")).isEmpty();
        assertThat(poster.record(request.getPostingKey()).state()).isEqualTo(PostingState.POSTED);
    }

    @Test
    void replayOfAPostedRequestAnswersAlreadyPostedWithoutCallingBc() {
        PostingRequest request = PostingRequests.requisition();
        PostingResult first = poster.post(request);
        bed.bc.clearRequestLog();

        PostingResult again = bed.process(db).post(request);

        assertThat(again.getOutcome()).isEqualTo(PostingOutcome.ALREADY_POSTED);
        assertThat(again.getBcCalls()).isZero();
        assertThat(again.getBcDocumentNumber()).isEqualTo(first.getBcDocumentNumber());
        assertThat(bed.bc.requestLog()).isEmpty(); // not even a token request
        assertThat(BcDocuments.posted(bed.bc, request)).hasSize(1);
    }

    @Test
    void recordChangedAfterPostingIsParkedNamingBothRevisionsAndNotPostedAgain() {
        PostingRequest original = PostingRequests.requisition();
        PostingResult posted = poster.post(original);
        PostingRequest changed = PostingRequests.revised(original, "rev-2");
        bed.bc.clearRequestLog();

        PostingResult result = poster.post(changed);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(result.getMessage()).contains("rev-1", "rev-2", posted.getBcDocumentNumber(), original.getPostingKey());
        assertThat(bed.apiCalls()).isEmpty();
        assertThat(poster.record(changed.getPostingKey()).state()).isEqualTo(PostingState.PARKED);
        assertThat(BcDocuments.posted(bed.bc, changed)).isEmpty();
        assertThat(BcDocuments.posted(bed.bc, original)).hasSize(1);
    }

    @Test
    void blockedVendorParksWithBcsMessageAndLeavesNothingInBc() {
        PostingRequest request = PostingRequests.requisition(PostingRequests.nextSourceId(), "rev-1",
                PostingRequests.DELTA_ID, PostingRequests.DELTA_NUMBER);

        PostingResult result = poster.post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(result.getMessage()).contains("Application_").contains(PostingRequests.DELTA_NUMBER).contains("blocked");
        assertThat(poster.record(request.getPostingKey())).satisfies(r -> {
            assertThat(r.state()).isEqualTo(PostingState.PARKED);
            assertThat(r.lastError()).isEqualTo(result.getMessage());
        });
        assertThat(BcDocuments.of(bed.bc, request)).isEmpty();
    }

    @Test
    void closedPeriodParksWithBcsMessageThenPostsOnceWhenReopened() {
        PostingRequest request = PostingRequests.requisition();
        bed.bc.company().setAllowedPostingPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));
        PostingResult parked;
        try {
            parked = poster.post(request);
        } finally {
            bed.bc.company().setAllowedPostingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        }
        assertThat(parked.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(parked.getMessage()).contains("Posting Date 2026-10-15 is not within your range of allowed posting dates");
        assertThat(draftsWithKey(request)).isOne(); // the draft stays in BC, carrying the key

        PostingResult replayed = bed.process(db).post(request);

        assertThat(replayed.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(BcDocuments.posted(bed.bc, request)).hasSize(1);
        assertThat(draftsWithKey(request)).isZero();
    }

    @Test
    void aJournalRefusedByBcLeavesNothingInTheSharedBatchToBlockTheNextOne() {
        PostingRequest refused = PostingRequests.commitment(4);
        bed.bc.company().setAllowedPostingPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));
        PostingResult parked;
        try {
            parked = poster.post(refused);
        } finally {
            bed.bc.company().setAllowedPostingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        }
        assertThat(parked.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(bed.bc.company().journalLines("PROCORE")).as("its lines were taken out again").isEmpty();

        PostingRequest next = PostingRequests.commitment(3);
        assertThat(poster.post(next).getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(bed.bc.company().generalLedgerEntries(next.getPostingKey())).hasSize(6);
        assertThat(bed.bc.company().generalLedgerEntries(refused.getPostingKey())).isEmpty();

        assertThat(bed.process(db).post(refused).getOutcome()).as("replayed once the period is open")
                .isEqualTo(PostingOutcome.POSTED);
        assertThat(bed.bc.company().generalLedgerEntries(refused.getPostingKey())).hasSize(8);
    }

    @Test
    void unavailableBcBeyondTheClientsRetriesIsRetryableAndPostsOnceLater() {
        PostingRequest request = PostingRequests.requisition();
        bed.bc.failNext(50, 503, path -> path.contains("/purchaseInvoices"));

        assertThatThrownBy(() -> poster.post(request)).isInstanceOf(RetryablePostingException.class)
                .hasMessageContaining("503");

        assertThat(bed.apiCalls()).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo(503)); // 1 + 2 retries
        assertThat(poster.record(request.getPostingKey())).satisfies(r -> {
            assertThat(r.state()).isEqualTo(PostingState.MAPPED);
            assertThat(r.attempts()).isOne();
            assertThat(r.state().needsAttention()).isFalse();
        });
        assertThat(poster.meters.find("mlc.poster.postings").counters()).isEmpty(); // a retry is not an outcome

        bed.bc.clearFaults();
        PostingResult later = bed.process(db).post(request);

        assertThat(later.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(BcDocuments.posted(bed.bc, request)).hasSize(1);
        assertThat(draftsWithKey(request)).isZero();
        assertThat(bed.process(db).post(request).getOutcome()).isEqualTo(PostingOutcome.ALREADY_POSTED);
    }

    @Test
    void requestBcCannotReadFailsForAnOperator() {
        // A BC that refuses nested line dimensions, and a client forced to send them nested: 400 BadRequest.
        try (PosterTestBed strict = PosterTestBed.start(BcSandboxOptions.builder().demoData()
                .acceptNestedDimensionSetLines(false))) {
            PosterProcess process = strict.process(strict.freshDatabase(),
                    PosterTestBed.clientOptions().withLineDimensions(BcClientOptions.LineDimensions.NESTED),
                    UnaryOperator.identity());
            PostingRequest request = PostingRequests.requisition();

            PostingResult result = process.post(request);

            assertThat(result.getOutcome()).isEqualTo(PostingOutcome.FAILED);
            assertThat(result.getMessage()).contains("BC 400 BadRequest").contains("dimensionSetLines");
            assertThat(process.record(request.getPostingKey()).state()).isEqualTo(PostingState.FAILED);
            assertThat(strict.bc.company().purchaseInvoices()).isEmpty();
        }
    }

    @Test
    void unknownTenantFailsWithoutCallingBc() {
        PostingRequest request = PostingRequest.newBuilder(PostingRequests.requisition()).setTenantId("nobody").build();

        PostingResult result = poster.post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.FAILED);
        assertThat(result.getMessage()).contains("unknown tenant nobody");
        assertThat(bed.bc.requestLog()).isEmpty();
    }

    private long draftsWithKey(PostingRequest request) {
        return BcDocuments.drafts(bed.bc, request).size();
    }

    static JsonNode single(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    static Map<String, String> dimensions(JsonNode node) {
        Map<String, String> dims = new LinkedHashMap<>();
        node.path("dimensionSetLines").forEach(d -> dims.put(d.path("code").asString(), d.path("valueCode").asString()));
        return dims;
    }

    /** The last path segment without the query: "purchaseInvoices", "Microsoft.NAV.post", "$batch", "journals". */
    static String endpoint(String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains("(") ? last.substring(0, last.indexOf('(')) : last;
    }
}
