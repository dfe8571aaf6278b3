package io.mlconnector.bc;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

public record BcDimensionValue(UUID id, String code, String displayName) {

    static BcDimensionValue from(JsonNode n) {
        return new BcDimensionValue(BcJson.uuid(n, "id"), BcJson.text(n, "code"), BcJson.text(n, "displayName"));
    }
}
