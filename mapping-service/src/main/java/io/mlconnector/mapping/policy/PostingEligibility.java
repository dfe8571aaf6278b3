package io.mlconnector.mapping.policy;

import io.mlconnector.events.CostDocument;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Only approved documents on active projects move (DESIGN.md). Everything else is skipped with a reason, not
 * parked: there is nothing for a person to fix in the mapping.
 */
public final class PostingEligibility {
    // Belt and braces: the ingest sets approved=false for these, but a void document must never post.
    private static final Set<String> NEVER_POSTED = Set.of("void", "voided", "rejected", "draft", "pending",
            "terminated", "revise and resubmit");

    private PostingEligibility() {
    }

    public static Optional<String> skipReason(CostDocument document) {
        if (document.getDeleted()) {
            return Optional.of("deleted or voided in Procore");
        }
        if (!document.getProjectActive()) {
            return Optional.of("project " + projectLabel(document) + " is inactive");
        }
        String status = document.getStatus() == null ? "" : document.getStatus().trim();
        if (!document.getApproved() || NEVER_POSTED.contains(status.toLowerCase(Locale.ROOT))) {
            return Optional.of("status '" + status + "' is not approved; only approved documents post");
        }
        return Optional.empty();
    }

    private static String projectLabel(CostDocument document) {
        return document.getProjectNumber() != null ? document.getProjectNumber() : "id " + document.getProjectId();
    }
}
