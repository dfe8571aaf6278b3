package io.mlconnector.mapping.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * An explicit link from a Procore company vendor to a BC vendor number. It wins over the
 * vendor's origin_id, so an accountant can fix a vendor Procore never linked (or linked wrongly).
 */
public record VendorLink(long procoreVendorId, String bcVendorNumber) {
    public VendorLink {
        Objects.requireNonNull(bcVendorNumber, "bcVendorNumber");
        // BC vendor numbers are Code fields: uppercased and trimmed by BC.
        bcVendorNumber = bcVendorNumber.trim().toUpperCase(Locale.ROOT);
        if (bcVendorNumber.isEmpty()) {
            throw new IllegalArgumentException("bcVendorNumber must not be blank");
        }
    }
}
