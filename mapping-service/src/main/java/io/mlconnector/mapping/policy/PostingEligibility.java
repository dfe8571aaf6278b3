package io.mlconnector.mapping.policy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.tenant.DocumentType;
import java.util.Optional;
import java.util.Set;

/**
 * Only documents that still stand, on active projects, in a status the tenant posts that document type in, move.
 * Everything else is skipped with a reason, not parked: there is nothing for a person to fix in the mapping. The
 * approved statuses are the tenant's ({@code postingPolicy.approvedStatuses}, Procore's own approved statuses
 * unless the tenants file says otherwise).
 */
public final class PostingEligibility {

    private PostingEligibility() {
    }

    /** Deleted or voided documents and documents of inactive projects; no tenant setting changes these. */
    public static Optional<String> skipReason(CostDocument document) {
        if (document.getDeleted()) {
            return Optional.of("deleted or voided in Procore");
        }
        if (!document.getProjectActive()) {
            return Optional.of("project " + projectLabel(document) + " is inactive");
        }
        return Optional.empty();
    }

    /** A document whose status is not one of the tenant's approved statuses for its type (case ignored). */
    public static Optional<String> statusReason(CostDocument document, DocumentCategory category,
                                                Set<String> approvedStatuses) {
        String status = document.getStatus() == null ? "" : document.getStatus().strip();
        if (approvedStatuses.stream().anyMatch(s -> s.equalsIgnoreCase(status))) {
            return Optional.empty();
        }
        return Optional.of("status '" + status + "' is not approved for posting: " + category.label() + "s post in "
                + String.join(", ", approvedStatuses.stream().map(s -> "'" + s + "'").toList())
                + " (postingPolicy.approvedStatuses." + DocumentType.valueOf(category.name()).key() + ")");
    }

    /** A document of a type this version cannot post: the ingest's own approval flag decides whether to say so. */
    public static Optional<String> statusReason(CostDocument document) {
        return document.getApproved() ? Optional.empty()
                : Optional.of("status '" + document.getStatus() + "' is not approved; only approved documents post");
    }

    private static String projectLabel(CostDocument document) {
        return document.getProjectNumber() != null ? document.getProjectNumber() : "id " + document.getProjectId();
    }
}
