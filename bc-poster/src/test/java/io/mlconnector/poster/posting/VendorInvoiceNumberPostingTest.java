package io.mlconnector.poster.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.PurchaseInvoiceDraft;
import io.mlconnector.bc.PurchaseInvoiceLineDraft;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.posting.CrashingLedgerDocument.CrashPoint;
import io.mlconnector.poster.posting.CrashingLedgerDocument.ProcessDied;
import io.mlconnector.poster.testbed.BcDocuments;
import io.mlconnector.poster.testbed.PosterProcess;
import io.mlconnector.poster.testbed.PosterTestBed;
import io.mlconnector.poster.testbed.PostingRequests;
import io.mlconnector.posting.store.AuditEntry;
import io.mlconnector.posting.store.AuditStep;
import io.mlconnector.posting.store.PostingState;
import io.mlconnector.service.clients.BcClients;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * Vendor Invoice No. carries the vendor's own invoice number, the posting key rides on a comment line, and the poster
 * tells its own document from another one with the same vendor and number (BC refuses a second posted one).
 */
class VendorInvoiceNumberPostingTest {

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

    /** Another Procore document of the same vendor with the same invoice number (a reused number, a re-entry). */
    private static PostingRequest sameNumber(PostingRequest first) {
        PostingRequest other = PostingRequests.requisition();
        return PostingRequest.newBuilder(other).setVendorInvoiceNumber(first.getVendorInvoiceNumber()).build();
    }

    @Test
    void thePostedNumberIsInTheResultTheRecordAndTheAuditTrail() {
        PostingRequest request = PostingRequests.requisition();

        PostingResult result = poster.post(request);

        JsonNode invoice = BcDocuments.posted(bed.bc, request).get(0);
        String number = invoice.path("number").asString();
        assertThat(number).startsWith("PPI-");
        assertThat(result.getBcDocumentNumber()).isEqualTo(number);
        assertThat(poster.record(request.getPostingKey()).bcDocumentNumber()).isEqualTo(number);
        List<AuditEntry> audit = poster.audit.forPosting(request.getPostingKey()).collectList().block();
        assertThat(audit).filteredOn(e -> e.step() == AuditStep.POSTED).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry(AuditEntry.BC_DOCUMENT_NUMBER, number));
        assertThat(audit).flatExtracting(e -> e.attributes().values()).doesNotContain("null");
    }

    @Test
    void anotherDocumentWithTheSameVendorAndNumberParksWithBothNamedAndLeavesNoDraft() {
        PostingRequest first = PostingRequests.requisition();
        PostingResult posted = poster.post(first);
        PostingRequest second = sameNumber(first);
        bed.bc.clearRequestLog();

        PostingResult result = poster.post(second);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(result.getMessage()).contains(PostingRequests.APEX_NUMBER, posted.getBcDocumentNumber(),
                first.getVendorInvoiceNumber().toUpperCase(), first.getPostingKey(), "refuses a second one");
        assertThat(poster.record(second.getPostingKey()).state()).isEqualTo(PostingState.PARKED);
        assertThat(BcDocuments.of(bed.bc, second)).as("our refused draft is taken out again").isEmpty();
        assertThat(bed.bc.company().postedPurchaseInvoices(first.getVendorInvoiceNumber())).hasSize(1);
        // create, post (refused), one lookup to name the other document, delete our draft
        assertThat(result.getBcCalls()).isEqualTo(4);
    }

    @Test
    void aRedeliveryThatFindsAnotherPostedDocumentParksBeforeCreatingAnything() {
        PostingRequest first = PostingRequests.requisition();
        poster.post(first);
        PostingRequest second = sameNumber(first);
        PosterProcess dying = bed.process(db, PosterTestBed.clientOptions(),
                document -> new CrashingLedgerDocument(document, CrashPoint.BEFORE_CREATE));
        assertThatThrownBy(() -> dying.post(second)).isInstanceOf(ProcessDied.class);
        bed.bc.clearRequestLog();

        PostingResult result = bed.process(db).post(second);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(result.getMessage()).contains(first.getPostingKey());
        assertThat(result.getBcCalls()).as("the lookup only").isEqualTo(1);
        assertThat(BcDocuments.of(bed.bc, second)).isEmpty();
    }

    @Test
    void anInvoiceEnteredInBcByHandWithTheNumberIsNotMistakenForOurs() {
        PostingRequest request = PostingRequests.requisition();
        BcClient bc = new BcClients(WebClient.builder(), Clock.systemUTC(), id -> PosterTestBed.clientOptions())
                .forTenant(bed.tenant());
        var typedByHand = bc.createPurchaseInvoice(new PurchaseInvoiceDraft(null, PostingRequests.APEX_NUMBER,
                request.getVendorInvoiceNumber(), PostingRequests.DOCUMENT_DATE, PostingRequests.DOCUMENT_DATE, null,
                List.of(new PurchaseInvoiceLineDraft("typed by AP", "5130", BigDecimal.ONE, new BigDecimal("10.00"),
                        List.of())))).block(Duration.ofSeconds(30));
        bc.postPurchaseInvoice(typedByHand.id()).block(Duration.ofSeconds(30));

        PostingResult result = poster.post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(result.getMessage()).contains("entered in BC, not by this connector");
        assertThat(BcDocuments.of(bed.bc, request)).isEmpty();
    }

    @Test
    void aDraftOfAnotherDocumentWithTheNumberDoesNotStopOursAndIsLeftAlone() {
        PostingRequest first = PostingRequests.requisition();
        PosterProcess dying = bed.process(db, PosterTestBed.clientOptions(),
                document -> new CrashingLedgerDocument(document, CrashPoint.AFTER_CREATE));
        assertThatThrownBy(() -> dying.post(first)).isInstanceOf(ProcessDied.class);
        PostingRequest second = sameNumber(first);
        PosterProcess crashedBeforeCreate = bed.process(db, PosterTestBed.clientOptions(),
                document -> new CrashingLedgerDocument(document, CrashPoint.BEFORE_CREATE));
        assertThatThrownBy(() -> crashedBeforeCreate.post(second)).isInstanceOf(ProcessDied.class);

        PostingResult result = bed.process(db).post(second);

        assertThat(result.getOutcome()).as("the lookup sees a draft that is not ours: ours is created and posted")
                .isEqualTo(PostingOutcome.POSTED);
        assertThat(BcDocuments.posted(bed.bc, second)).hasSize(1);
        assertThat(BcDocuments.drafts(bed.bc, first)).hasSize(1);
    }

    @Test
    void withoutAVendorInvoiceNumberTheProcoreRecordStandsInAndLongNumbersAreCutToBcsLength() {
        PostingRequest none = PostingRequest.newBuilder(PostingRequests.requisition()).setVendorInvoiceNumber(null).build();
        PostingRequest longOne = PostingRequest.newBuilder(PostingRequests.requisition())
                .setVendorInvoiceNumber("  apex concrete pay app 2026-10 for level 2 decks ").build();

        assertThat(poster.post(none).getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(poster.post(longOne).getOutcome()).isEqualTo(PostingOutcome.POSTED);

        String key = none.getPostingKey();
        assertThat(BcDocuments.posted(bed.bc, none)).singleElement().satisfies(i -> assertThat(
                i.path("vendorInvoiceNumber").asString()).isEqualTo(key.substring(0, key.lastIndexOf('-'))));
        assertThat(BcDocuments.posted(bed.bc, longOne)).singleElement().satisfies(i -> assertThat(
                i.path("vendorInvoiceNumber").asString()).isEqualTo("APEX CONCRETE PAY APP 2026-10 FOR L").hasSize(35));
    }

    @Test
    void creditMemosCarryTheSuppliersNumberAndParkOnAnotherOne() {
        PostingRequest first = PostingRequests.creditMemo();
        assertThat(poster.post(first).getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(bed.bc.company().postedPurchaseCreditMemos(first.getVendorInvoiceNumber())).hasSize(1);
        PostingRequest second = PostingRequest.newBuilder(PostingRequests.creditMemo())
                .setVendorInvoiceNumber(first.getVendorInvoiceNumber()).build();

        PostingResult result = poster.post(second);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.PARKED);
        assertThat(result.getMessage()).contains("Vendor Cr. Memo No.", first.getPostingKey());
        assertThat(BcDocuments.of(bed.bc, second)).isEmpty();
    }
}
