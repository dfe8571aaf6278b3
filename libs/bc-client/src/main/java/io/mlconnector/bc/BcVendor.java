package io.mlconnector.bc;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A BC vendor, the one vendor type of the connector (mapping-service's validation and vendor-sync read this one).
 * {@code blocked} is decoded from BC's wire value ({@link VendorBlocking#fromWire}).
 */
public record BcVendor(UUID id, String number, String displayName, VendorBlocking blocked, String taxRegistrationNumber,
                       String email, String phoneNumber, String addressLine1, String addressLine2, String city,
                       String state, String country, String postalCode, Instant lastModifiedDateTime, String etag) {

    /** Blocked "All" stops every new document, invoices included. */
    public boolean blocksInvoices() {
        return blocked == VendorBlocking.ALL;
    }

    /** Blocked "Payment": no payments, but invoices and credit memos still post. */
    public boolean blocksPaymentsOnly() {
        return blocked == VendorBlocking.PAYMENT;
    }

    /** A vendor with only what validation reads (tests, reference data built by hand). */
    public static BcVendor of(UUID id, String number, String displayName, VendorBlocking blocked) {
        return new BcVendor(id, number, displayName, blocked, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    static BcVendor from(JsonNode n) {
        return new BcVendor(BcJson.uuid(n, "id"), BcJson.text(n, "number"), BcJson.text(n, "displayName"),
                VendorBlocking.fromWire(BcJson.text(n, "blocked")), BcJson.text(n, "taxRegistrationNumber"), BcJson.text(n, "email"),
                BcJson.text(n, "phoneNumber"), BcJson.text(n, "addressLine1"), BcJson.text(n, "addressLine2"),
                BcJson.text(n, "city"), BcJson.text(n, "state"), BcJson.text(n, "country"),
                BcJson.text(n, "postalCode"), BcJson.instant(n, "lastModifiedDateTime"), BcJson.etag(n));
    }
}
