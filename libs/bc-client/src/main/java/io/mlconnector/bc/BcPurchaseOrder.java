package io.mlconnector.bc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A purchase order (read for polling: BC's webhook list lacks purchaseOrders, Learn: dynamics-subscriptions). */
public record BcPurchaseOrder(UUID id, String number, LocalDate orderDate, UUID vendorId, String vendorNumber,
                              String vendorName, String status, BigDecimal totalAmountIncludingTax,
                              Instant lastModifiedDateTime) {

    static BcPurchaseOrder from(JsonNode n) {
        return new BcPurchaseOrder(BcJson.uuid(n, "id"), BcJson.text(n, "number"), BcJson.date(n, "orderDate"),
                BcJson.uuid(n, "vendorId"), BcJson.text(n, "vendorNumber"), BcJson.text(n, "vendorName"),
                BcEnums.decode(BcJson.text(n, "status")), BcJson.decimal(n, "totalAmountIncludingTax"),
                BcJson.instant(n, "lastModifiedDateTime"));
    }
}
