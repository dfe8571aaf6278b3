package io.mlconnector.bc;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A general journal batch ({@code code} = batch name, e.g. PROCORE). */
public record BcJournal(UUID id, String code, String displayName, String templateDisplayName) {

    static BcJournal from(JsonNode n) {
        return new BcJournal(BcJson.uuid(n, "id"), BcJson.text(n, "code"), BcJson.text(n, "displayName"),
                BcJson.text(n, "templateDisplayName"));
    }
}
