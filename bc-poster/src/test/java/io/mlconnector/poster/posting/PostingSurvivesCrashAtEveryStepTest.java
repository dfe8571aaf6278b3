package io.mlconnector.poster.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.posting.CrashingLedgerDocument.CrashPoint;
import io.mlconnector.poster.posting.CrashingLedgerDocument.ProcessDied;
import io.mlconnector.poster.posting.journal.JournalDocument;
import io.mlconnector.poster.testbed.BcDocuments;
import io.mlconnector.poster.testbed.PosterProcess;
import io.mlconnector.poster.testbed.PosterTestBed;
import io.mlconnector.poster.testbed.PostingRequests;
import io.mlconnector.posting.store.PostingState;
import io.mlconnector.posting.store.PostingStateStore;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * bc-poster dies at each step of a posting; a new process (new clients, stores and workflow; the same MongoDB and
 * the same BC) then gets the same request, as Kafka redelivers it. Every document must end up posted exactly once
 * in BC: one posted invoice or credit memo per key and no draft left, or each journal line's G/L entries once and
 * nothing left in the batch. A fresh sandbox per test, so "no draft left anywhere" is a meaningful assertion.
 */
class PostingSurvivesCrashAtEveryStepTest {

    private PosterTestBed bed;
    private MongoDatabase db;

    @BeforeEach
    void start() {
        bed = PosterTestBed.start();
        db = bed.freshDatabase();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    static Stream<Arguments> crashPointsByDocumentKind() {
        List<CrashPoint> points = List.of(CrashPoint.BEFORE_CREATE, CrashPoint.AFTER_CREATE, CrashPoint.AFTER_POST,
                CrashPoint.BEFORE_RECORDING_RESULT);
        return Stream.of(BcDocumentKind.PURCHASE_INVOICE, BcDocumentKind.PURCHASE_CREDIT_MEMO,
                        BcDocumentKind.GENERAL_JOURNAL)
                .flatMap(kind -> points.stream().map(point -> Arguments.of(kind, point)));
    }

    @ParameterizedTest(name = "{0} crash {1}")
    @MethodSource("crashPointsByDocumentKind")
    void documentIsPostedExactlyOnceAfterACrash(BcDocumentKind kind, CrashPoint point) {
        PostingRequest request = request(kind);

        runUntilCrash(request, point);
        assertStoreAfterCrash(request, point);

        PosterProcess restarted = bed.process(db);
        PostingResult result = restarted.post(request);

        assertThat(result.getOutcome()).isEqualTo(point == CrashPoint.BEFORE_RECORDING_RESULT
                ? PostingOutcome.ALREADY_POSTED : PostingOutcome.POSTED);
        assertPostedExactlyOnce(request);
        assertThat(restarted.record(request.getPostingKey()).state()).isEqualTo(PostingState.POSTED);
        assertThat(result.getBcDocumentNumber()).isNotBlank();

        bed.bc.clearRequestLog();
        assertThat(bed.process(db).post(request).getOutcome()).isEqualTo(PostingOutcome.ALREADY_POSTED);
        assertThat(bed.apiCalls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void crashAtEveryStepInTurnStillPostsOnce(BcDocumentKind kind) {
        PostingRequest request = request(kind);

        for (CrashPoint point : List.of(CrashPoint.BEFORE_CREATE, CrashPoint.AFTER_CREATE, CrashPoint.AFTER_POST)) {
            assertThatThrownBy(() -> crashingProcess(point).post(request)).isInstanceOf(ProcessDied.class);
        }
        PostingResult result = bed.process(db).post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertPostedExactlyOnce(request);
        assertThat(bed.process(db).post(request).getOutcome()).isEqualTo(PostingOutcome.ALREADY_POSTED);
        assertPostedExactlyOnce(request);
    }

    /**
     * A store restored from a backup taken before the post (or any lost write): BC has posted, the store says
     * MAPPED. The lookup in BC, not the store, decides.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void storeThatLostThePostDoesNotPostAgain(BcDocumentKind kind) {
        PostingRequest request = request(kind);
        assertThatThrownBy(() -> crashingProcess(CrashPoint.AFTER_POST).post(request)).isInstanceOf(ProcessDied.class);
        reactor.core.publisher.Mono.from(db.getCollection(PostingStateStore.COLLECTION).updateOne(
                Filters.eq("_id", request.getPostingKey()), Updates.set("state", PostingState.MAPPED.name()))).block();

        PostingResult result = bed.process(db).post(request);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertPostedExactlyOnce(request);
    }

    @Test
    void journalLinesLeftByACrashArePostedByTheNextBatchPostAndNotAddedAgain() {
        PostingRequest crashed = PostingRequests.commitment(3);
        PostingRequest next = PostingRequests.commitment(2);
        assertThatThrownBy(() -> crashingProcess(CrashPoint.AFTER_CREATE).post(crashed)).isInstanceOf(ProcessDied.class);

        // Another posting posts the PROCORE batch, and with it the lines the dead process left there.
        assertThat(bed.process(db).post(next).getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(bed.bc.company().generalLedgerEntries(crashed.getPostingKey())).hasSize(6);

        PostingResult healed = bed.process(db).post(crashed);

        assertThat(healed.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertPostedExactlyOnce(crashed);
        assertPostedExactlyOnce(next);
    }

    @Test
    void journalWhoseLinesAnotherPostingPostedFirstIsRecordedAsPosted() {
        PostingRequest ours = PostingRequests.commitment(2);
        PostingRequest theirs = PostingRequests.commitment(2);
        // Between our lines going in and our batch post, another worker posts the batch (ours included):
        // BC then answers our post with "There is nothing to post."
        PosterProcess other = bed.process(db);
        PosterProcess us = bed.process(db, PosterTestBed.clientOptions(),
                document -> new CrashingLedgerDocument(document, CrashPoint.NONE, () -> other.workflow.post(theirs)));

        PostingResult result = us.post(ours);

        assertThat(result.getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertPostedExactlyOnce(ours);
        assertPostedExactlyOnce(theirs);
    }

    @Test
    void linesOfADeadAttemptThatBcRunsLateAreNotPostedTwice() {
        PostingRequest request = PostingRequests.commitment(3);
        runUntilCrash(request, CrashPoint.BEFORE_CREATE); // the dead attempt's lines $batch is still on its way to BC
        JournalDocument deadAttempt = new JournalDocument("PROCORE", java.time.Duration.ofSeconds(30));
        // BC runs it after the next attempt looked for the key and added its own lines, just before that one posts
        PosterProcess recovering = bed.process(db, PosterTestBed.clientOptions(), document -> new CrashingLedgerDocument(
                document, CrashPoint.NONE, () -> deadAttempt.createDraft(bcClient(), request)));

        assertThat(recovering.post(request).getOutcome()).isEqualTo(PostingOutcome.POSTED);
        assertPostedExactlyOnce(request);
    }

    @Test
    void lateLinesOfAnAlreadyPostedDocumentAreTakenOutBeforeTheNextBatchPost() {
        PostingRequest posted = PostingRequests.commitment(2);
        assertThat(bed.process(db).post(posted).getOutcome()).isEqualTo(PostingOutcome.POSTED);
        // a dead attempt's lines for the same document arrive after it was posted
        new JournalDocument("PROCORE", java.time.Duration.ofSeconds(30)).createDraft(bcClient(), posted).block();

        PostingRequest next = PostingRequests.commitment(2);
        assertThat(bed.process(db).post(next).getOutcome()).isEqualTo(PostingOutcome.POSTED);

        assertPostedExactlyOnce(posted);
        assertPostedExactlyOnce(next);
        assertThat(bed.bc.company().journalLines("PROCORE")).isEmpty();
    }

    private io.mlconnector.bc.BcClient bcClient() {
        var settings = bed.tenant().bc();
        return io.mlconnector.bc.BcClient.create(new io.mlconnector.bc.BcConnection(settings.apiBase(),
                        settings.loginBase(), settings.aadTenantId(), settings.environment(), settings.companyId(),
                        settings.clientId(), settings.clientSecret()),
                org.springframework.web.reactive.function.client.WebClient.builder(), java.time.Clock.systemUTC(),
                PosterTestBed.clientOptions());
    }

    static Stream<BcDocumentKind> kinds() {
        return Stream.of(BcDocumentKind.PURCHASE_INVOICE, BcDocumentKind.PURCHASE_CREDIT_MEMO,
                BcDocumentKind.GENERAL_JOURNAL);
    }

    private PosterProcess crashingProcess(CrashPoint point) {
        return bed.process(db, PosterTestBed.clientOptions(), document -> new CrashingLedgerDocument(document, point));
    }

    private void runUntilCrash(PostingRequest request, CrashPoint point) {
        PosterProcess dying = crashingProcess(point);
        if (point == CrashPoint.BEFORE_RECORDING_RESULT) {
            // The workflow finished; the process dies before publishing the result and committing the offset.
            assertThat(dying.post(request).getOutcome()).isEqualTo(PostingOutcome.POSTED);
            return;
        }
        assertThatThrownBy(() -> dying.post(request)).isInstanceOf(ProcessDied.class);
    }

    private void assertStoreAfterCrash(PostingRequest request, CrashPoint point) {
        PostingState stored = bed.process(db).record(request.getPostingKey()).state();
        PostingState expected = switch (point) {
            case BEFORE_CREATE, AFTER_CREATE -> PostingState.MAPPED;
            case AFTER_POST -> PostingState.DRAFT_CREATED;
            default -> PostingState.POSTED;
        };
        assertThat(stored).as("store after a crash %s", point).isEqualTo(expected);
        boolean draftInBc = switch (request.getDocumentKind()) {
            case PURCHASE_INVOICE -> bed.bc.company().draftPurchaseInvoiceCount() > 0;
            case PURCHASE_CREDIT_MEMO -> bed.bc.company().draftPurchaseCreditMemoCount() > 0;
            default -> !bed.bc.company().journalLines("PROCORE").isEmpty();
        };
        assertThat(draftInBc).as("BC holds a draft after a crash %s", point).isEqualTo(point == CrashPoint.AFTER_CREATE);
    }

    private void assertPostedExactlyOnce(PostingRequest request) {
        String key = request.getPostingKey();
        switch (request.getDocumentKind()) {
            case PURCHASE_INVOICE -> {
                assertThat(BcDocuments.posted(bed.bc, request)).hasSize(1);
                assertThat(bed.bc.company().postedPurchaseInvoices(request.getVendorInvoiceNumber()))
                        .as("BC's Vendor Invoice No. is the vendor's own number").hasSize(1);
                assertThat(bed.bc.company().draftPurchaseInvoiceCount()).isZero();
            }
            case PURCHASE_CREDIT_MEMO -> {
                assertThat(BcDocuments.posted(bed.bc, request)).hasSize(1);
                assertThat(bed.bc.company().postedPurchaseCreditMemos(request.getVendorInvoiceNumber()))
                        .as("BC's Vendor Cr. Memo No. is the vendor's own number").hasSize(1);
                assertThat(bed.bc.company().draftPurchaseCreditMemoCount()).isZero();
            }
            default -> {
                List<JsonNode> entries = bed.bc.company().generalLedgerEntries(key);
                assertThat(entries).hasSize(request.getLines().size() * 2); // each line and its balancing entry
                assertThat(entries.stream().map(e -> e.path("debitAmount").decimalValue()
                        .subtract(e.path("creditAmount").decimalValue())).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::add)).isZero();
                assertThat(bed.bc.company().journalLines("PROCORE")).isEmpty();
            }
        }
    }

    private static PostingRequest request(BcDocumentKind kind) {
        Supplier<PostingRequest> make = switch (kind) {
            case PURCHASE_INVOICE -> PostingRequests::requisition;
            case PURCHASE_CREDIT_MEMO -> PostingRequests::creditMemo;
            default -> () -> PostingRequests.commitment(3);
        };
        return make.get();
    }
}
