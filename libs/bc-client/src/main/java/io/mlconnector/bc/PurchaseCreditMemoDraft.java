package io.mlconnector.bc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A purchase credit memo to create as a draft (a Procore invoice with a negative total: BC refuses negative
 * invoices, so the amount goes here with positive line amounts). {@code vendorCreditMemoNumber} is Code[35].
 */
public record PurchaseCreditMemoDraft(UUID vendorId, String vendorNumber, String vendorCreditMemoNumber,
                                      LocalDate creditMemoDate, LocalDate postingDate, String currencyCode,
                                      List<PurchaseInvoiceLineDraft> lines) {

    public PurchaseCreditMemoDraft {
        if (vendorId == null && (vendorNumber == null || vendorNumber.isBlank())) {
            throw new IllegalArgumentException("a vendorId or a vendorNumber is required");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
