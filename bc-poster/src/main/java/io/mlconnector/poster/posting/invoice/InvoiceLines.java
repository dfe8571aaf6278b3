package io.mlconnector.poster.posting.invoice;

import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.bc.PurchaseInvoiceLineDraft;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Posting lines as BC purchase document lines. BC takes quantity × direct unit cost; a negative amount
 * (the retainage withheld on a requisition) goes in as quantity −1 at the positive cost, because BC's
 * purchase lines refuse a negative direct unit cost but accept a negative quantity.
 */
final class InvoiceLines {

    private InvoiceLines() {
    }

    static List<PurchaseInvoiceLineDraft> of(PostingRequest request) {
        return request.getLines().stream().map(InvoiceLines::line).toList();
    }

    /** The lines, then a comment line with this text (the posting key; see {@link PostingMarker}). */
    static List<PurchaseInvoiceLineDraft> withMarker(PostingRequest request, String marker) {
        List<PurchaseInvoiceLineDraft> lines = new java.util.ArrayList<>(of(request));
        lines.add(PurchaseInvoiceLineDraft.comment(marker));
        return lines;
    }

    private static PurchaseInvoiceLineDraft line(PostingLine line) {
        BigDecimal amount = line.getAmount();
        BigDecimal quantity = amount.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        List<DimensionAssignment> dimensions = line.getDimensions().stream()
                .map(d -> new DimensionAssignment(d.getDimensionCode(), d.getValueCode())).toList();
        return new PurchaseInvoiceLineDraft(line.getDescription(), line.getAccountNumber(), quantity, amount.abs(),
                dimensions);
    }
}
