package io.mlconnector.bc;

import java.util.Locale;

/**
 * A BC vendor's {@code blocked} option (Microsoft Learn, "vendor resource type", API v2.0: {@code " "}, {@code Payment},
 * {@code All}). {@code Payment} stops payment entries only, so invoices and credit memos still post; {@code All} stops
 * every new document.
 */
public enum VendorBlocking {
    NONE,
    PAYMENT,
    ALL;

    /**
     * From the wire value, encoded ({@code "_x0020_"}) or as a caption ({@code " "}), any case. A value BC may add
     * later is read as {@link #ALL}: nothing posts to the vendor until a person has looked.
     */
    public static VendorBlocking fromWire(String value) {
        String caption = BcEnums.decode(value);
        if (caption == null || caption.isBlank()) {
            return NONE;
        }
        return switch (caption.trim().toLowerCase(Locale.ROOT)) {
            case "payment" -> PAYMENT;
            default -> ALL;
        };
    }
}
