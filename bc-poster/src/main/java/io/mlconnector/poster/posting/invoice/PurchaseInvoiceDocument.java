package io.mlconnector.poster.posting.invoice;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcPurchaseInvoice;
import io.mlconnector.bc.FailureKind;
import io.mlconnector.bc.PurchaseInvoiceDraft;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.poster.posting.BcDocumentState;
import io.mlconnector.poster.posting.LedgerDocument;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A purchase invoice. Vendor Invoice No. carries the vendor's own invoice number ({@link VendorDocumentNumber}); the
 * posting key is a comment line ({@link PostingMarker}). Created as a draft with its lines and line dimensions in one
 * deep insert, then posted with {@code Microsoft.NAV.post} and its posted number read in the same request: two
 * requests on the happy path. BC keeps the draft's id after posting, so the id recorded at draft time stays valid.
 * Looked up by vendor + Vendor Invoice No. (BC's own duplicate check is per vendor and number), lines included.
 */
public final class PurchaseInvoiceDocument implements LedgerDocument {

    private static final String LABEL = "purchase invoice";
    private static final String FIELD = "Vendor Invoice No.";

    private final Duration timeout;
    private final PostedNumberRead postedNumberRead;

    public PurchaseInvoiceDocument(Duration timeout) {
        this(timeout, PostedNumberRead.WITH_POST);
    }

    public PurchaseInvoiceDocument(Duration timeout, PostedNumberRead postedNumberRead) {
        this.timeout = timeout;
        this.postedNumberRead = postedNumberRead;
    }

    @Override
    public BcDocumentKind kind() {
        return BcDocumentKind.PURCHASE_INVOICE;
    }

    @Override
    public Optional<BcDocumentState> find(BcClient bc, PostingRequest request) {
        List<VendorDocuments.Found> found = lookup(bc, request);
        Optional<BcDocumentState> ours = VendorDocuments.ours(found, request.getPostingKey());
        if (ours.isPresent()) {
            return ours;
        }
        Optional<VendorDocuments.Found> other = VendorDocuments.postedByOthers(found, request.getPostingKey());
        if (other.isPresent()) {
            throw VendorDocuments.taken(LABEL, FIELD, vendor(request), VendorDocumentNumber.of(request), other.get());
        }
        return Optional.empty();
    }

    @Override
    public BcDocumentState createDraft(BcClient bc, PostingRequest request) {
        PurchaseInvoiceDraft draft = new PurchaseInvoiceDraft(vendorId(request), request.getVendorNumber(),
                VendorDocumentNumber.of(request), request.getDocumentDate(), request.getPostingDate(),
                request.getCurrency(), InvoiceLines.withMarker(request, PostingMarker.text(request.getPostingKey())));
        BcPurchaseInvoice created = bc.createPurchaseInvoice(draft).block(timeout);
        return created.isDraft() ? BcDocumentState.draft(created.id().toString(), created.number())
                : BcDocumentState.posted(created.id().toString(), created.number());
    }

    @Override
    public BcDocumentState post(BcClient bc, PostingRequest request, BcDocumentState draft) {
        UUID id = UUID.fromString(draft.id());
        try {
            String number = postedNumberRead == PostedNumberRead.WITH_POST
                    ? bc.postPurchaseInvoiceReadingNumber(id).blockOptional(timeout).orElse(null)
                    : postThenRead(bc, id);
            return BcDocumentState.posted(draft.id(), number);
        } catch (BcApiException e) {
            if (e.kind() != FailureKind.BUSINESS_RULE) {
                throw e;
            }
            return afterRefusedPost(bc, request, draft, e);
        }
    }

    /**
     * BC refused the post. If the vendor's number is taken, say by what: our own posted document (a dead attempt's
     * draft that BC posted late) makes this posting POSTED; another document parks it. Either way our draft goes,
     * so it does not wait in BC for a post that can never succeed. Any other refusal stands as BC said it.
     */
    private BcDocumentState afterRefusedPost(BcClient bc, PostingRequest request, BcDocumentState draft, BcApiException e) {
        List<VendorDocuments.Found> found;
        try {
            found = lookup(bc, request);
        } catch (BcApiException lookupFailed) {
            throw e;
        }
        Optional<BcDocumentState> oursPosted = VendorDocuments.ours(found, request.getPostingKey())
                .filter(BcDocumentState::posted);
        Optional<VendorDocuments.Found> other = VendorDocuments.postedByOthers(found, request.getPostingKey());
        if (oursPosted.isEmpty() && other.isEmpty()) {
            throw e;
        }
        deleteDraft(bc, draft);
        if (oursPosted.isPresent()) {
            return oursPosted.get();
        }
        throw VendorDocuments.taken(LABEL, FIELD, vendor(request), VendorDocumentNumber.of(request), other.get());
    }

    private void deleteDraft(BcClient bc, BcDocumentState draft) {
        try {
            bc.deletePurchaseInvoice(UUID.fromString(draft.id()), null).block(timeout);
        } catch (BcApiException ignored) {
            // Left as a draft carrying our key: BC cannot post it, and the next lookup finds it again.
        }
    }

    private String postThenRead(BcClient bc, UUID id) {
        bc.postPurchaseInvoice(id).block(timeout);
        try {
            BcPurchaseInvoice posted = bc.purchaseInvoice(id).block(timeout);
            return posted == null || posted.isDraft() ? null : posted.number();
        } catch (BcApiException e) {
            return null; // BC has posted: a failed read must not fail the posting; the id still names the document
        }
    }

    private List<VendorDocuments.Found> lookup(BcClient bc, PostingRequest request) {
        return bc.findPurchaseInvoices(vendorId(request), request.getVendorNumber(), VendorDocumentNumber.of(request))
                .map(i -> new VendorDocuments.Found(i.id().toString(), i.number(), i.isDraft(), i.lines()))
                .collectList().block(timeout);
    }

    private static UUID vendorId(PostingRequest request) {
        return request.getVendorId() == null ? null : UUID.fromString(request.getVendorId());
    }

    private static String vendor(PostingRequest request) {
        return request.getVendorNumber() != null ? request.getVendorNumber() : request.getVendorId();
    }
}
