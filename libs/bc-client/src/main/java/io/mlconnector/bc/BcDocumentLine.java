package io.mlconnector.bc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A line of a purchase invoice or credit memo as BC returns it. */
public record BcDocumentLine(UUID id, int sequence, String lineType, String lineObjectNumber, String description,
                             BigDecimal quantity, BigDecimal unitCost, BigDecimal amountExcludingTax,
                             List<DimensionAssignment> dimensions) {

    static BcDocumentLine from(JsonNode n) {
        return new BcDocumentLine(BcJson.uuid(n, "id"), BcJson.integer(n, "sequence"), BcJson.text(n, "lineType"),
                BcJson.text(n, "lineObjectNumber"), BcJson.text(n, "description"), BcJson.decimal(n, "quantity"),
                BcJson.decimal(n, "unitCost"), BcJson.decimal(n, "amountExcludingTax"), dimensions(n));
    }

    static List<DimensionAssignment> dimensions(JsonNode n) {
        List<DimensionAssignment> dims = new ArrayList<>();
        JsonNode array = n.get("dimensionSetLines");
        if (array != null) {
            array.forEach(d -> dims.add(new DimensionAssignment(BcJson.text(d, "code"), BcJson.text(d, "valueCode"))));
        }
        return dims;
    }
}
