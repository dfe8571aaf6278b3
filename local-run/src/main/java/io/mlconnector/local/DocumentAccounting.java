package io.mlconnector.local;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.ingest.sync.SyncReport.ReadDocument;
import io.mlconnector.local.RunSummary.Accounted;
import io.mlconnector.local.RunSummary.Outcome;
import io.mlconnector.mapping.core.MappingOutcome;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.PostingEligibility;
import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where each document read from Procore stands now, followed through the pipeline by its key
 * ({@code tenant|type|id}) and its latest revision on the topics, as any subscriber would see it:
 * <ol>
 *   <li>skipped by mapping-service's own rules (deleted or voided, inactive project, the tenant's policy does not
 *       post its kind), or waiting in Procore when only its status is not approved yet (it posts once approved);
 *   <li>waiting at mapping-service when that revision is parked (the reasons are the exception's);
 *   <li>posted (in this run, or already in BC from an earlier one), waiting at Business Central (BC refused it) or
 *       failed, by the poster's result for that revision;
 *   <li>waiting at bc-poster when its posting request has no result yet, at mapping-service when that revision was
 *       not mapped yet, at procore-ingest when it was read but never published.
 * </ol>
 * Each document lands in exactly one place, so posted + waiting + skipped + failed is the number of documents read.
 */
final class DocumentAccounting {

    /** The topics' latest value per key. */
    record Latest(Map<String, CostDocument> documents, Map<String, MappingException> exceptions,
                  Map<String, PostingRequest> requests, Map<String, PostingResult> results) {
    }

    private final String tenantId;
    private final Latest latest;
    private final Function<CostDocument, Optional<MappingOutcome>> decidedWithoutInputs;
    private final PostingPolicy policy;
    private final Instant runStart;

    /**
     * @param decidedWithoutInputs mapping-service's own decision for a document before rules are consulted
     * @param policy               the tenant's posting policy as mapping-service reads it (approved statuses)
     * @param runStart             results completed since then were posted in this run
     */
    DocumentAccounting(String tenantId, Latest latest,
                       Function<CostDocument, Optional<MappingOutcome>> decidedWithoutInputs, PostingPolicy policy,
                       Instant runStart) {
        this.tenantId = tenantId;
        this.latest = latest;
        this.decidedWithoutInputs = decidedWithoutInputs;
        this.policy = policy;
        this.runStart = runStart;
    }

    /** One entry per distinct document read (a document read twice in one sync is accounted once). */
    List<Accounted> account(List<ReadDocument> read) {
        Map<String, ReadDocument> distinct = new LinkedHashMap<>();
        read.forEach(r -> distinct.putIfAbsent(EventKeys.of(tenantId, r.type(), r.sourceId()), r));
        List<Accounted> out = new ArrayList<>();
        distinct.forEach((key, r) -> out.add(account(key, r)));
        return out;
    }

    private Accounted account(String key, ReadDocument read) {
        CostDocument document = latest.documents().get(key);
        String type = read.type().name();
        String number = read.number();
        if (document == null) {
            return new Accounted(type, read.sourceId(), number, Outcome.WAITING, "procore-ingest",
                    List.of("read but never published to " + Topics.PROCORE_COST_DOCUMENTS));
        }
        String revision = document.getContentRevision();
        Optional<MappingOutcome> decided = decidedWithoutInputs.apply(document);
        if (decided.isPresent() && decided.get() instanceof MappingOutcome.Skipped skipped) {
            return notApprovedYet(document)
                    ? new Accounted(type, read.sourceId(), number, Outcome.WAITING, "Procore", List.of(skipped.reason()
                            + "; it posts once approved in Procore"))
                    : new Accounted(type, read.sourceId(), number, Outcome.SKIPPED, "mapping-service",
                            List.of(skipped.reason()));
        }
        MappingException exception = latest.exceptions().get(key);
        if (exception != null && exception.getStatus() == ExceptionStatus.PARKED
                && revision.equals(exception.getContentRevision())) {
            return new Accounted(type, read.sourceId(), number, Outcome.WAITING, "mapping-service",
                    exception.getReasons().stream().map(p -> p.getCode() + ": " + p.getMessage()).toList());
        }
        PostingResult result = latest.results().get(key);
        if (result != null && revision.equals(result.getContentRevision())) {
            String message = Objects.toString(result.getMessage(), "no message");
            return switch (result.getOutcome()) {
                case POSTED, ALREADY_POSTED -> {
                    boolean now = result.getOutcome() == PostingOutcome.POSTED
                            && !result.getCompletedAt().isBefore(runStart);
                    yield new Accounted(type, read.sourceId(), number, Outcome.POSTED, "Business Central",
                            List.of((now ? "posted in this run as " : "already in Business Central as ")
                                    + result.getDocumentKind() + (result.getBcDocumentNumber() == null ? ""
                                    : " " + result.getBcDocumentNumber()) + (now ? "" : " (posted earlier; not again)")));
                }
                case PARKED -> new Accounted(type, read.sourceId(), number, Outcome.WAITING, "Business Central",
                        List.of(message));
                case FAILED -> new Accounted(type, read.sourceId(), number, Outcome.FAILED, "bc-poster",
                        List.of(message));
                default -> new Accounted(type, read.sourceId(), number, Outcome.WAITING, "bc-poster",
                        List.of("the poster reported an outcome this version does not know: " + result.getOutcome()));
            };
        }
        PostingRequest request = latest.requests().get(key);
        if (request != null && revision.equals(request.getContentRevision())) {
            return new Accounted(type, read.sourceId(), number, Outcome.WAITING, "bc-poster",
                    List.of("mapped; its posting has not finished yet"));
        }
        return new Accounted(type, read.sourceId(), number, Outcome.WAITING, "mapping-service",
                List.of("revision " + revision + " is not mapped yet"));
    }

    /**
     * Only its status stands in the way: a document that still stands, on an active project, whose status is not
     * one of the tenant's approved statuses for its kind (the check mapping-service makes, in the same order).
     */
    private boolean notApprovedYet(CostDocument document) {
        if (PostingEligibility.skipReason(document).isPresent()) {
            return false;
        }
        Optional<DocumentCategory> category = DocumentCategory.of(document);
        return category.isPresent()
                ? PostingEligibility.statusReason(document, category.get(), policy.approvedStatusesFor(category.get()))
                        .isPresent()
                : PostingEligibility.statusReason(document).isPresent();
    }
}
