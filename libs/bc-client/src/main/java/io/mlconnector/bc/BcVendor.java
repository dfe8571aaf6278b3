package io.mlconnector.bc;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A BC vendor. {@code blocked} is BC's enum text: {@code " "} (not blocked), {@code "Payment"} or {@code "All"}. */
public record BcVendor(UUID id, String number, String displayName, String blocked, String taxRegistrationNumber,
                       String email, String phoneNumber, String addressLine1, String addressLine2, String city,
                       String state, String country, String postalCode, Instant lastModifiedDateTime, String etag) {

    /** Blocked "All" stops every new document; "Payment" only stops payments. */
    public boolean blockedForPurchases() {
        return "All".equals(blocked);
    }

    static BcVendor from(JsonNode n) {
        return new BcVendor(BcJson.uuid(n, "id"), BcJson.text(n, "number"), BcJson.text(n, "displayName"),
                BcJson.text(n, "blocked"), BcJson.text(n, "taxRegistrationNumber"), BcJson.text(n, "email"),
                BcJson.text(n, "phoneNumber"), BcJson.text(n, "addressLine1"), BcJson.text(n, "addressLine2"),
                BcJson.text(n, "city"), BcJson.text(n, "state"), BcJson.text(n, "country"),
                BcJson.text(n, "postalCode"), BcJson.instant(n, "lastModifiedDateTime"), BcJson.etag(n));
    }
}
