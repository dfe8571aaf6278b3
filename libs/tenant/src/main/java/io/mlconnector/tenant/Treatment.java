package io.mlconnector.tenant;

import java.util.Locale;
import java.util.Optional;

/** What a tenant posts to Business Central for one {@link DocumentType}; written in words in the tenants file. */
public enum Treatment {
    /** A purchase invoice on the vendor (a purchase credit memo when the amount due is negative). */
    PURCHASE_INVOICE("purchase invoice", "purchase invoices"),
    /** General journal lines on the mapped cost accounts, balanced by the clearing / accrued payroll account. */
    COST_JOURNAL("cost journal", "cost journal lines"),
    /** A memo journal pair on the commitment account and its contra. */
    COMMITMENT_MEMO_JOURNAL("commitment memo journal", "commitment memo journal lines"),
    /** A journal pair on the contract value account and its contra. */
    CONTRACT_VALUE_JOURNAL("contract value journal", "contract value journal lines"),
    /** Read and published, never posted. */
    DO_NOT_POST("do not post", "nothing");

    private final String words;
    private final String posted;

    Treatment(String words, String posted) {
        this.words = words;
        this.posted = posted;
    }

    /** What ends up in BC, plural, for messages: "purchase invoices". */
    public String posted() {
        return posted;
    }

    /** How the tenants file spells it, e.g. {@code "do not post"}. */
    public String words() {
        return words;
    }

    /** Accepts the words ("purchase invoice") and the constant's name ("PURCHASE_INVOICE"), in any case. */
    public static Optional<Treatment> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
        for (Treatment treatment : values()) {
            if (treatment.words.equals(normalized)) {
                return Optional.of(treatment);
            }
        }
        return Optional.empty();
    }
}
