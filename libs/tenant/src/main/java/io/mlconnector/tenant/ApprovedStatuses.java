package io.mlconnector.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Procore statuses in which a tenant's documents of each {@link DocumentType} are ready to post
 * ({@code postingPolicy.approvedStatuses} in the tenants file). A type the file does not name gets Procore's own
 * approved statuses for it. Values are Procore's wire values (the {@code status} field of the API's responses,
 * Procore REST API reference, https://developers.procore.com: "List Requisitions", "List Direct Costs", "List Work
 * Order Contracts", "List Purchase Order Contracts", "List Commitment Change Orders", "List Prime Change Orders"),
 * compared without regard to case; a value that type's status field cannot have is refused, as is a status in
 * which the document no longer stands (void, terminated, rejected: those are never posted).
 */
public record ApprovedStatuses(Map<DocumentType, Set<String>> byType) {

    private static final List<String> REQUISITION = List.of("draft", "under_review", "revise_and_resubmit",
            "approved", "approved_as_noted", "pending_owner_approval");
    private static final List<String> DIRECT_COST = List.of("draft", "pending", "revise_and_resubmit", "approved");
    /** Work order contracts and purchase order contracts share the setting; their status values differ. */
    private static final List<String> COMMITMENT = List.of("Draft", "Out For Bid", "Out For Signature", "Processing",
            "Submitted", "Approved", "Complete", "Partially Received", "Received", "Closed", "Terminated", "Void");
    private static final List<String> CHANGE_ORDER = List.of("draft", "pricing", "not_pricing", "pending", "revised",
            "proceeding", "not_proceeding", "pending_billable", "no_charge", "approved", "rejected", "void");
    /** The document no longer stands; Procore's ingest marks it deleted, and it is never posted. */
    private static final Set<String> NEVER_APPROVED = Set.of("void", "terminated", "rejected");

    /** Procore's own approved statuses for every document type. */
    public static final ApprovedStatuses PROCORE_DEFAULTS = new ApprovedStatuses(Map.of());

    public ApprovedStatuses {
        EnumMap<DocumentType, Set<String>> complete = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            complete.put(type, procoreApproved(type));
        }
        if (byType != null) {
            byType.forEach((type, statuses) -> complete.put(type, validated(type, statuses)));
        }
        byType = Map.copyOf(complete);
    }

    /** The statuses (in Procore's spelling) in which documents of this type post. */
    public Set<String> of(DocumentType type) {
        return byType.get(type);
    }

    /** Whether a document of this type in this Procore status is approved for posting (case ignored). */
    public boolean approves(DocumentType type, String status) {
        if (status == null) {
            return false;
        }
        String wanted = status.strip();
        return byType.get(type).stream().anyMatch(s -> s.equalsIgnoreCase(wanted));
    }

    /** Every status value Procore documents for the type's status field. */
    public static List<String> procoreStatuses(DocumentType type) {
        return switch (type) {
            case REQUISITION -> REQUISITION;
            case DIRECT_COST_INVOICE, DIRECT_COST_EXPENSE, DIRECT_COST_PAYROLL -> DIRECT_COST;
            case COMMITMENT -> COMMITMENT;
            case COMMITMENT_CHANGE_ORDER, PRIME_CHANGE_ORDER -> CHANGE_ORDER;
        };
    }

    /**
     * Procore's approved statuses: a requisition approved or approved as noted ("Subcontractor Invoices"); a
     * commitment approved, complete, or (a purchase order) in the receiving states after approval; a direct cost
     * or change order approved.
     */
    public static Set<String> procoreApproved(DocumentType type) {
        return switch (type) {
            case REQUISITION -> ordered(List.of("approved", "approved_as_noted"));
            case DIRECT_COST_INVOICE, DIRECT_COST_EXPENSE, DIRECT_COST_PAYROLL -> Set.of("approved");
            case COMMITMENT -> ordered(List.of("Approved", "Complete", "Partially Received", "Received", "Closed"));
            case COMMITMENT_CHANGE_ORDER, PRIME_CHANGE_ORDER -> Set.of("approved");
        };
    }

    private static Set<String> validated(DocumentType type, Collection<String> statuses) {
        String setting = "postingPolicy.approvedStatuses." + type.key();
        if (statuses == null || statuses.isEmpty()) {
            throw new TenantValidationException(setting + " lists no status, so no " + type.label() + " would ever"
                    + " post; list at least one (Procore's approved statuses are " + quoted(procoreApproved(type))
                    + ") or set postingPolicy.documents." + type.key() + " to \"do not post\"");
        }
        List<String> known = procoreStatuses(type);
        Set<String> result = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String status : statuses) {
            String text = status == null ? "" : status.strip();
            Optional<String> spelled = known.stream().filter(k -> k.equalsIgnoreCase(text)).findFirst();
            if (spelled.isEmpty()) {
                problems.add("'" + text + "' is not a Procore status of " + type.label() + " (they are "
                        + quoted(known) + ")");
            } else if (NEVER_APPROVED.contains(spelled.get().toLowerCase(Locale.ROOT))) {
                problems.add("'" + spelled.get() + "' means the document no longer stands, so it is never posted");
            } else {
                result.add(spelled.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new TenantValidationException(setting + ": " + String.join("; ", problems));
        }
        return java.util.Collections.unmodifiableSet(result);
    }

    private static Set<String> ordered(List<String> values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static String quoted(Collection<String> values) {
        return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
    }
}
