package io.mlconnector.bc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A purchase invoice to create as a draft. One of vendorId / vendorNumber is required. {@code vendorInvoiceNumber}
 * (Code[35], BC uppercases it) is the connector's idempotency key. {@code currencyCode} null = local currency.
 */
public record PurchaseInvoiceDraft(UUID vendorId, String vendorNumber, String vendorInvoiceNumber, LocalDate invoiceDate,
                                   LocalDate postingDate, String currencyCode, List<PurchaseInvoiceLineDraft> lines) {

    public PurchaseInvoiceDraft {
        if (vendorId == null && (vendorNumber == null || vendorNumber.isBlank())) {
            throw new IllegalArgumentException("a vendorId or a vendorNumber is required");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
