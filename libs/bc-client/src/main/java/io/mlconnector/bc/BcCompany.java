package io.mlconnector.bc;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A BC company ({@code name} is what a $batch {@code Company} header would use). */
public record BcCompany(UUID id, String name, String displayName) {

    static BcCompany from(JsonNode n) {
        return new BcCompany(BcJson.uuid(n, "id"), BcJson.text(n, "name"), BcJson.text(n, "displayName"));
    }
}
