package io.mlconnector.mapping.policy;

import io.mlconnector.tenant.ApprovedStatuses;
import io.mlconnector.tenant.DocumentType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's posting policy: which treatment each document category gets. Defaults follow DESIGN.md's table;
 * a tenant may override any category (e.g. COMMITMENT=SKIP when it does not track encumbrances in BC).
 */
public record PostingPolicy(Map<DocumentCategory, PostingTreatment> treatments, ApprovedStatuses approvedStatuses) {
    public static final PostingPolicy DEFAULTS = new PostingPolicy(Map.of(
            DocumentCategory.REQUISITION, PostingTreatment.PURCHASE_INVOICE,
            DocumentCategory.DIRECT_COST_INVOICE, PostingTreatment.PURCHASE_INVOICE,
            DocumentCategory.DIRECT_COST_EXPENSE, PostingTreatment.COST_JOURNAL,
            DocumentCategory.DIRECT_COST_PAYROLL, PostingTreatment.COST_JOURNAL,
            DocumentCategory.COMMITMENT, PostingTreatment.COMMITMENT_MEMO_JOURNAL,
            DocumentCategory.COMMITMENT_CHANGE_ORDER, PostingTreatment.COMMITMENT_MEMO_JOURNAL,
            DocumentCategory.PRIME_CHANGE_ORDER, PostingTreatment.CONTRACT_VALUE_JOURNAL));

    public PostingPolicy {
        EnumMap<DocumentCategory, PostingTreatment> complete = new EnumMap<>(DocumentCategory.class);
        if (DEFAULTS != null) {
            complete.putAll(DEFAULTS.treatments());
        }
        complete.putAll(treatments);
        treatments = Map.copyOf(complete);
        approvedStatuses = approvedStatuses == null ? ApprovedStatuses.PROCORE_DEFAULTS : approvedStatuses;
    }

    /** Posting in Procore's own approved statuses. */
    public PostingPolicy(Map<DocumentCategory, PostingTreatment> treatments) {
        this(treatments, ApprovedStatuses.PROCORE_DEFAULTS);
    }

    /** The Procore statuses in which documents of the category post. */
    public Set<String> approvedStatusesFor(DocumentCategory category) {
        return approvedStatuses.of(DocumentType.valueOf(category.name()));
    }

    public PostingTreatment treatmentFor(DocumentCategory category) {
        return treatments.get(category);
    }

    public PostingPolicy with(DocumentCategory category, PostingTreatment treatment) {
        EnumMap<DocumentCategory, PostingTreatment> changed = new EnumMap<>(treatments);
        changed.put(category, treatment);
        return new PostingPolicy(changed, approvedStatuses);
    }
}
