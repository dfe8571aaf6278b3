package io.mlconnector.poster.posting.invoice;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcPurchaseInvoice;
import io.mlconnector.bc.PurchaseInvoiceDraft;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.poster.posting.BcDocumentState;
import io.mlconnector.poster.posting.LedgerDocument;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * A purchase invoice: the posting key is the Vendor Invoice No. (Code[35]; bc-api.md 3.5 — v2.0 has no
 * external document number on purchase invoices). Created as a draft with its lines and line dimensions
 * in one deep insert, then posted with {@code Microsoft.NAV.post}: two requests on the happy path (plus one read
 * when the posted number is asked for).
 * BC keeps the draft's id after posting, so the id recorded at draft time stays valid.
 */
public final class PurchaseInvoiceDocument implements LedgerDocument {

    private final Duration timeout;
    private final boolean readBackPostedNumber;

    /** Two BC requests per document: the draft (lines and dimensions included) and the post. */
    public PurchaseInvoiceDocument(Duration timeout) {
        this(timeout, false);
    }

    /**
     * @param readBackPostedNumber also read the posted document's number (one more GET): posting renumbers the
     *                             document and answers 204 without a body. Off, the result carries BC's id
     *                             (kept through posting) and the posting key (the document's vendor number in BC),
     *                             never the draft's number.
     */
    public PurchaseInvoiceDocument(Duration timeout, boolean readBackPostedNumber) {
        this.timeout = timeout;
        this.readBackPostedNumber = readBackPostedNumber;
    }

    @Override
    public BcDocumentKind kind() {
        return BcDocumentKind.PURCHASE_INVOICE;
    }

    @Override
    public Optional<BcDocumentState> find(BcClient bc, PostingRequest request) {
        // Prefer a posted one if, against all care, both exist.
        return bc.findPurchaseInvoices(request.getPostingKey()).collectList().block(timeout).stream()
                .max(Comparator.comparing(invoice -> !invoice.isDraft()))
                .map(PurchaseInvoiceDocument::state);
    }

    @Override
    public BcDocumentState createDraft(BcClient bc, PostingRequest request) {
        PurchaseInvoiceDraft draft = new PurchaseInvoiceDraft(
                request.getVendorId() == null ? null : UUID.fromString(request.getVendorId()),
                request.getVendorNumber(), request.getPostingKey(), request.getDocumentDate(),
                request.getPostingDate(), request.getCurrency(), InvoiceLines.of(request));
        return state(bc.createPurchaseInvoice(draft).block(timeout));
    }

    @Override
    public BcDocumentState post(BcClient bc, PostingRequest request, BcDocumentState draft) {
        bc.postPurchaseInvoice(UUID.fromString(draft.id())).block(timeout);
        return BcDocumentState.posted(draft.id(), readBackPostedNumber ? postedNumber(bc, request, draft) : null);
    }

    /**
     * Posting gives the document a new number from the posted series (the draft's number is not what an accountant
     * finds under Posted Purchase Invoices) and answers 204 without a body, so the posted number is read back: one
     * GET (bc-api.md 3.5). BC has posted by now, so a failed read must not fail the posting: the id (which BC keeps)
     * still identifies the document, and the number is left empty rather than wrong.
     */
    private String postedNumber(BcClient bc, PostingRequest request, BcDocumentState draft) {
        try {
            return bc.findPurchaseInvoices(request.getPostingKey()).collectList().block(timeout).stream()
                    .filter(found -> found.id().toString().equals(draft.id()) && !found.isDraft())
                    .map(found -> found.number()).findFirst().orElse(null);
        } catch (BcApiException e) {
            return null;
        }
    }

    private static BcDocumentState state(BcPurchaseInvoice invoice) {
        return invoice.isDraft() ? BcDocumentState.draft(invoice.id().toString(), invoice.number())
                : BcDocumentState.posted(invoice.id().toString(), invoice.number());
    }
}
