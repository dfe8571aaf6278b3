package io.mlconnector.bc;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A G/L account. Cost lines can post only to Posting, unblocked, direct-posting accounts. {@code category} and
 * {@code accountType} are captions, decoded from BC's wire form ({@link BcEnums}).
 */
public record BcAccount(UUID id, String number, String displayName, String category, String accountType,
                        boolean blocked, boolean directPosting) {

    public boolean acceptsDirectCostPosting() {
        return "Posting".equals(accountType) && !blocked && directPosting;
    }

    static BcAccount from(JsonNode n) {
        return new BcAccount(BcJson.uuid(n, "id"), BcJson.text(n, "number"), BcJson.text(n, "displayName"),
                BcEnums.decode(BcJson.text(n, "category")), BcEnums.decode(BcJson.text(n, "accountType")),
                BcJson.bool(n, "blocked"),
                BcJson.bool(n, "directPosting"));
    }
}
