package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.MappingProblem;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.events.SourceType;
import io.mlconnector.ingest.sync.SyncReport.ReadDocument;
import io.mlconnector.local.RunSummary.Accounted;
import io.mlconnector.local.RunSummary.Outcome;
import io.mlconnector.mapping.core.MappingOutcome;
import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.schemas.EventKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Guards the summary's accounting: each document read lands in exactly one place, by its latest revision on the
 * topics — skipped by mapping's rules, waiting in Procore for approval, waiting at mapping-service (parked), at
 * Business Central (BC refused), at bc-poster (no result yet), posted (in this run or earlier), failed — and an
 * outcome of an older revision never stands for the current one.
 */
class EveryDocumentReadLandsInOnePlaceTest {

    private static final String TENANT = "t1";
    private static final Instant START = Instant.parse("2026-10-01T10:00:00Z");

    private final Map<String, CostDocument> documents = new HashMap<>();
    private final Map<String, MappingException> exceptions = new HashMap<>();
    private final Map<String, PostingRequest> requests = new HashMap<>();
    private final Map<String, PostingResult> results = new HashMap<>();

    @Test
    void eachDocumentIsPlacedByItsCurrentRevision() {
        CostDocument draft = document(SourceType.REQUISITION, "1", "r1", "draft", false, false);
        CostDocument voided = document(SourceType.REQUISITION, "2", "r1", "approved", true, true);
        CostDocument parked = document(SourceType.REQUISITION, "3", "r2", "approved", true, false);
        exception(parked, "r2", ExceptionStatus.PARKED);
        CostDocument postedNow = document(SourceType.REQUISITION, "4", "r2", "approved", true, false);
        exception(postedNow, "r1", ExceptionStatus.PARKED); // an older revision's exception: not this one's
        result(postedNow, "r2", PostingOutcome.POSTED, START.plusSeconds(5), null);
        CostDocument postedBefore = document(SourceType.REQUISITION, "5", "r1", "approved", true, false);
        result(postedBefore, "r1", PostingOutcome.POSTED, START.minusSeconds(3600), null);
        CostDocument refused = document(SourceType.REQUISITION, "6", "r1", "approved", true, false);
        result(refused, "r1", PostingOutcome.PARKED, START.plusSeconds(5), "The vendor is blocked.");
        CostDocument failed = document(SourceType.REQUISITION, "7", "r1", "approved", true, false);
        result(failed, "r1", PostingOutcome.FAILED, START.plusSeconds(5), "BC did not answer three times");
        CostDocument inFlight = document(SourceType.REQUISITION, "8", "r3", "approved", true, false);
        result(inFlight, "r2", PostingOutcome.POSTED, START.minusSeconds(60), null); // the revision before
        request(inFlight, "r3");
        CostDocument unmapped = document(SourceType.REQUISITION, "9", "r1", "approved", true, false);

        List<ReadDocument> read = new java.util.ArrayList<>(documents.values().stream()
                .map(d -> new ReadDocument(d.getSourceType(), d.getSourceId(), d.getNumber(), d.getContentRevision()))
                .toList());
        read.add(new ReadDocument(SourceType.DIRECT_COST, "10", "DC-10", "r1")); // read, never published
        read.add(read.get(0)); // read twice in one sync: accounted once

        Map<String, String> placed = new java.util.TreeMap<>();
        List<Accounted> accounted = accounting().account(read);
        accounted.forEach(a -> placed.put(a.sourceId(), a.outcome() + " " + a.where()));

        assertThat(accounted).hasSize(10);
        assertThat(placed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1", "WAITING Procore",
                "2", "SKIPPED mapping-service",
                "3", "WAITING mapping-service",
                "4", "POSTED Business Central",
                "5", "POSTED Business Central",
                "6", "WAITING Business Central",
                "7", "FAILED bc-poster",
                "8", "WAITING bc-poster",
                "9", "WAITING mapping-service",
                "10", "WAITING procore-ingest"));
        assertThat(why(accounted, "1")).contains("it posts once approved in Procore");
        assertThat(why(accounted, "3")).isEqualTo("COST_CODE_NOT_MAPPED: no rule for 03-300");
        assertThat(why(accounted, "4")).startsWith("posted in this run as PURCHASE_INVOICE");
        assertThat(why(accounted, "5")).startsWith("already in Business Central as PURCHASE_INVOICE");
        assertThat(why(accounted, "6")).isEqualTo("The vendor is blocked.");
        assertThat(why(accounted, "7")).isEqualTo("BC did not answer three times");
        assertThat(why(accounted, "9")).contains("not mapped yet");
    }

    private DocumentAccounting accounting() {
        return new DocumentAccounting(TENANT, new DocumentAccounting.Latest(documents, exceptions, requests, results),
                EveryDocumentReadLandsInOnePlaceTest::decided, PostingPolicy.DEFAULTS, START);
    }

    /** What mapping-service decides before rules, for these documents. */
    private static Optional<MappingOutcome> decided(CostDocument document) {
        if (document.getDeleted()) {
            return Optional.of(new MappingOutcome.Skipped("deleted or voided in Procore"));
        }
        if (!document.getApproved()) {
            return Optional.of(new MappingOutcome.Skipped("status '" + document.getStatus() + "' is not approved"));
        }
        return Optional.empty();
    }

    private static String why(List<Accounted> accounted, String sourceId) {
        return accounted.stream().filter(a -> a.sourceId().equals(sourceId)).findFirst().orElseThrow().why().get(0);
    }

    private CostDocument document(SourceType type, String id, String revision, String status, boolean approved,
                                  boolean deleted) {
        CostDocument document = CostDocument.newBuilder().setTenantId(TENANT).setSourceType(type).setSourceId(id)
                .setContentRevision(revision).setCompanyId(1L).setProjectId(2L).setProjectNumber("P-2")
                .setNumber("N-" + id).setStatus(status).setApproved(approved).setDeleted(deleted)
                .setTotalAmount(new BigDecimal("100.00")).setRetainageAmount(new BigDecimal("0.00"))
                .setDocumentDate(LocalDate.of(2026, 9, 30)).setLines(List.of()).setObservedAt(START).build();
        documents.put(key(document), document);
        return document;
    }

    private void exception(CostDocument document, String revision, ExceptionStatus status) {
        exceptions.put(key(document), MappingException.newBuilder().setTenantId(TENANT)
                .setSourceType(document.getSourceType()).setSourceId(document.getSourceId())
                .setContentRevision(revision).setStatus(status)
                .setReasons(List.of(MappingProblem.newBuilder().setCode("COST_CODE_NOT_MAPPED")
                        .setMessage("no rule for 03-300").build()))
                .setDocument(document).setRaisedAt(START).build());
    }

    private void request(CostDocument document, String revision) {
        requests.put(key(document), PostingRequest.newBuilder().setTenantId(TENANT).setPostingKey("RQ-" + revision)
                .setSourceType(document.getSourceType()).setSourceId(document.getSourceId())
                .setContentRevision(revision).setDocumentKind(BcDocumentKind.PURCHASE_INVOICE)
                .setDocumentDate(LocalDate.of(2026, 9, 30)).setPostingDate(LocalDate.of(2026, 9, 30))
                .setLines(List.of()).setTotalAmount(new BigDecimal("100.00")).setRequestedAt(START).build());
    }

    private void result(CostDocument document, String revision, PostingOutcome outcome, Instant completed,
                        String message) {
        results.put(key(document), PostingResult.newBuilder().setTenantId(TENANT).setPostingKey("RQ-" + revision)
                .setSourceType(document.getSourceType()).setSourceId(document.getSourceId())
                .setContentRevision(revision).setDocumentKind(BcDocumentKind.PURCHASE_INVOICE).setOutcome(outcome)
                .setTotalAmount(new BigDecimal("100.00")).setMessage(message).setCompletedAt(completed).build());
    }

    private static String key(CostDocument document) {
        return EventKeys.of(TENANT, document.getSourceType(), document.getSourceId());
    }
}
