package io.mlconnector.mapping.policy;

import io.mlconnector.events.CostDocument;
import java.util.Locale;
import java.util.Optional;

/** The kinds of Procore cost documents the posting policy distinguishes (README, "What it does"). */
public enum DocumentCategory {
    REQUISITION("subcontractor requisition"),
    DIRECT_COST_INVOICE("direct cost invoice"),
    DIRECT_COST_EXPENSE("direct cost expense"),
    DIRECT_COST_PAYROLL("direct cost payroll"),
    COMMITMENT("commitment"),
    COMMITMENT_CHANGE_ORDER("commitment change order"),
    PRIME_CHANGE_ORDER("prime contract change order");

    private final String label;

    DocumentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Empty when the source type (or a direct cost's type) is one this version does not know. */
    public static Optional<DocumentCategory> of(CostDocument document) {
        return switch (document.getSourceType()) {
            case REQUISITION -> Optional.of(REQUISITION);
            case PURCHASE_ORDER_CONTRACT, WORK_ORDER_CONTRACT -> Optional.of(COMMITMENT);
            case COMMITMENT_CHANGE_ORDER -> Optional.of(COMMITMENT_CHANGE_ORDER);
            case PRIME_CHANGE_ORDER -> Optional.of(PRIME_CHANGE_ORDER);
            case DIRECT_COST -> directCost(document.getDirectCostType());
            case UNKNOWN -> Optional.empty();
        };
    }

    private static Optional<DocumentCategory> directCost(String directCostType) {
        if (directCostType == null) {
            return Optional.empty();
        }
        // Procore spells these "Invoice", "Expense", "Payroll" in the UI and lower case in the API.
        return switch (directCostType.trim().toLowerCase(Locale.ROOT)) {
            case "invoice" -> Optional.of(DIRECT_COST_INVOICE);
            case "expense" -> Optional.of(DIRECT_COST_EXPENSE);
            case "payroll" -> Optional.of(DIRECT_COST_PAYROLL);
            default -> Optional.empty();
        };
    }
}
