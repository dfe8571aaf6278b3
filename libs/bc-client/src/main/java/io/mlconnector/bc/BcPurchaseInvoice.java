package io.mlconnector.bc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A purchase invoice. Status "Draft" until posted; posting keeps the id and sets status "Open" and the posted
 * {@code number}. {@code lines} is filled only where the call expanded them.
 */
public record BcPurchaseInvoice(UUID id, String number, String status, UUID vendorId, String vendorNumber,
                                String vendorInvoiceNumber, LocalDate invoiceDate, LocalDate postingDate,
                                BigDecimal totalAmountExcludingTax, BigDecimal totalAmountIncludingTax, String etag,
                                List<BcDocumentLine> lines) {

    public boolean isDraft() {
        return "Draft".equals(status);
    }

    static BcPurchaseInvoice from(JsonNode n) {
        List<BcDocumentLine> lines = new ArrayList<>();
        JsonNode array = n.get("purchaseInvoiceLines");
        if (array != null) {
            array.forEach(l -> lines.add(BcDocumentLine.from(l)));
        }
        return new BcPurchaseInvoice(BcJson.uuid(n, "id"), BcJson.text(n, "number"), BcJson.text(n, "status"),
                BcJson.uuid(n, "vendorId"), BcJson.text(n, "vendorNumber"), BcJson.text(n, "vendorInvoiceNumber"),
                BcJson.date(n, "invoiceDate"), BcJson.date(n, "postingDate"), BcJson.decimal(n, "totalAmountExcludingTax"),
                BcJson.decimal(n, "totalAmountIncludingTax"), BcJson.etag(n), List.copyOf(lines));
    }
}
