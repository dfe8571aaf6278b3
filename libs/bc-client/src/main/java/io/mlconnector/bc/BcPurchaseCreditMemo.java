package io.mlconnector.bc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A purchase credit memo (status Draft, then Open after posting; same id). */
public record BcPurchaseCreditMemo(UUID id, String number, String status, UUID vendorId, String vendorNumber,
                                   String vendorCreditMemoNumber, LocalDate creditMemoDate, LocalDate postingDate,
                                   BigDecimal totalAmountExcludingTax, BigDecimal totalAmountIncludingTax, String etag,
                                   List<BcDocumentLine> lines) {

    public boolean isDraft() {
        return "Draft".equals(status);
    }

    static BcPurchaseCreditMemo from(JsonNode n) {
        List<BcDocumentLine> lines = new ArrayList<>();
        JsonNode array = n.get("purchaseCreditMemoLines");
        if (array != null) {
            array.forEach(l -> lines.add(BcDocumentLine.from(l)));
        }
        return new BcPurchaseCreditMemo(BcJson.uuid(n, "id"), BcJson.text(n, "number"), BcJson.text(n, "status"),
                BcJson.uuid(n, "vendorId"), BcJson.text(n, "vendorNumber"), BcJson.text(n, "vendorCreditMemoNumber"),
                BcJson.date(n, "creditMemoDate"), BcJson.date(n, "postingDate"),
                BcJson.decimal(n, "totalAmountExcludingTax"), BcJson.decimal(n, "totalAmountIncludingTax"),
                BcJson.etag(n), List.copyOf(lines));
    }
}
