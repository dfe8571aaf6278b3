package io.mlconnector.bc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A dimension (PROJECT, COSTCODE, COSTTYPE…) with its values. */
public record BcDimension(UUID id, String code, String displayName, List<BcDimensionValue> values) {

    public BcDimension {
        values = List.copyOf(values);
    }

    static BcDimension from(JsonNode n) {
        List<BcDimensionValue> values = new ArrayList<>();
        JsonNode array = n.get("dimensionValues");
        if (array != null) {
            array.forEach(v -> values.add(BcDimensionValue.from(v)));
        }
        return new BcDimension(BcJson.uuid(n, "id"), BcJson.text(n, "code"), BcJson.text(n, "displayName"), values);
    }
}
