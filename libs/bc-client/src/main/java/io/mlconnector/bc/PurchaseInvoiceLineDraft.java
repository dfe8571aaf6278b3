package io.mlconnector.bc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A G/L-account line of a purchase invoice or credit memo draft (lineType Account). */
public record PurchaseInvoiceLineDraft(String description, String accountNumber, BigDecimal quantity, BigDecimal unitCost,
                                       List<DimensionAssignment> dimensions) {

    public PurchaseInvoiceLineDraft {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitCost, "unitCost");
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
