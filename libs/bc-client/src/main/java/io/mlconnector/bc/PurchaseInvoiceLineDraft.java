package io.mlconnector.bc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A line of a purchase invoice or credit memo draft: a G/L-account line (lineType Account), or, without an account,
 * a comment line (lineType Comment: description only; BC posts it with the document and keeps it on the posted one).
 */
public record PurchaseInvoiceLineDraft(String description, String accountNumber, BigDecimal quantity, BigDecimal unitCost,
                                       List<DimensionAssignment> dimensions) {

    public PurchaseInvoiceLineDraft {
        if (accountNumber != null) {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitCost, "unitCost");
        } else {
            Objects.requireNonNull(description, "a comment line needs a description");
        }
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    /** A comment line (Text[100] description on BC purchase lines). */
    public static PurchaseInvoiceLineDraft comment(String description) {
        return new PurchaseInvoiceLineDraft(description, null, null, null, List.of());
    }

    public boolean isComment() {
        return accountNumber == null;
    }
}
