package io.mlconnector.poster.testbed;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.SandboxCompany;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A posting's purchase invoices and credit memos in the BC sandbox: those of its vendor with its vendor document
 * number that carry its posting key on a comment line (what the poster itself looks for).
 */
public final class BcDocuments {

    private BcDocuments() {
    }

    public static List<JsonNode> posted(BcSandbox bc, PostingRequest request) {
        return of(bc, request).stream().filter(d -> !"Draft".equals(d.path("status").asString())).toList();
    }

    public static List<JsonNode> drafts(BcSandbox bc, PostingRequest request) {
        return of(bc, request).stream().filter(d -> "Draft".equals(d.path("status").asString())).toList();
    }

    /** Every invoice or credit memo (any vendor, any number) carrying this posting key. */
    public static List<JsonNode> of(BcSandbox bc, PostingRequest request) {
        SandboxCompany company = bc.company();
        boolean memo = request.getDocumentKind() == BcDocumentKind.PURCHASE_CREDIT_MEMO;
        List<JsonNode> all = memo ? company.purchaseCreditMemos() : company.purchaseInvoices();
        String marker = "Procore posting " + request.getPostingKey();
        return all.stream().filter(d -> {
            UUID id = UUID.fromString(d.path("id").asString());
            List<JsonNode> lines = memo ? company.purchaseCreditMemoLines(id) : company.purchaseInvoiceLines(id);
            return lines.stream().anyMatch(l -> marker.equals(l.path("description").asString()));
        }).toList();
    }
}
