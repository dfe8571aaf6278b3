package io.mlconnector.local;

import io.mlconnector.sandbox.bc.SandboxCompany;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Purchase invoices in the BC sandbox by posting key. Vendor Invoice No. holds the vendor's own number; the poster
 * puts its posting key on a comment line "Procore posting RQ-7300101-1A2B3C4D" (bc-poster README).
 */
final class BcInvoices {

    private static final String MARKER = "Procore posting ";

    private BcInvoices() {
    }

    /** The posting key on this invoice, or "" when it carries none. */
    static String postingKey(SandboxCompany bc, JsonNode invoice) {
        return bc.purchaseInvoiceLines(UUID.fromString(invoice.path("id").asString())).stream()
                .map(l -> l.path("description").asString())
                .filter(d -> d.startsWith(MARKER)).map(d -> d.substring(MARKER.length())).findFirst().orElse("");
    }

    /** Posted invoices whose posting key starts with this prefix, e.g. {@code DC-7400201} (the revision hash follows). */
    static List<JsonNode> posted(SandboxCompany bc, String keyPrefix) {
        return bc.purchaseInvoices().stream().filter(i -> !"Draft".equals(i.path("status").asString()))
                .filter(i -> postingKey(bc, i).startsWith(keyPrefix + "-")).toList();
    }

    /** The posting key on this credit memo, or "" when it carries none. */
    static String creditMemoPostingKey(SandboxCompany bc, JsonNode memo) {
        return bc.purchaseCreditMemoLines(UUID.fromString(memo.path("id").asString())).stream()
                .map(l -> l.path("description").asString())
                .filter(d -> d.startsWith(MARKER)).map(d -> d.substring(MARKER.length())).findFirst().orElse("");
    }

    /** Every invoice and credit memo (draft or posted) that carries exactly this posting key. */
    static int documentsWithKey(SandboxCompany bc, String key) {
        long invoices = bc.purchaseInvoices().stream().filter(i -> key.equalsIgnoreCase(postingKey(bc, i))).count();
        long memos = bc.purchaseCreditMemos().stream()
                .filter(m -> key.equalsIgnoreCase(creditMemoPostingKey(bc, m))).count();
        return (int) (invoices + memos);
    }
}
