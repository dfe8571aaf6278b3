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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    public Mono<BcDocumentState> find(BcClient bc, PostingRequest request) {
        return lookup(bc, request).flatMap(found -> {
            Optional<BcDocumentState> ours = VendorDocuments.ours(found, request.getPostingKey());
            if (ours.isPresent()) {
                return Mono.just(ours.get());
            }
            Optional<VendorDocuments.Found> other = VendorDocuments.postedByOthers(found, request.getPostingKey());
            if (other.isPresent()) {
                return Mono.error(VendorDocuments.taken(LABEL, FIELD, vendor(request), VendorDocumentNumber.of(request),
                        other.get()));
            }
            return Mono.empty();
        });
    }

    @Override
    public Mono<BcDocumentState> createDraft(BcClient bc, PostingRequest request) {
        return Mono.defer(() -> {
            PurchaseInvoiceDraft draft = new PurchaseInvoiceDraft(vendorId(request), request.getVendorNumber(),
                    VendorDocumentNumber.of(request), request.getDocumentDate(), request.getPostingDate(),
                    request.getCurrency(), InvoiceLines.withMarker(request, PostingMarker.text(request.getPostingKey())));
            return bc.createPurchaseInvoice(draft);
        }).timeout(timeout)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("BC answered the creation of a " + LABEL
                        + " draft without the document")))
                .map(created -> created.isDraft() ? BcDocumentState.draft(created.id().toString(), created.number())
                        : BcDocumentState.posted(created.id().toString(), created.number()));
    }

    @Override
    public Mono<BcDocumentState> post(BcClient bc, PostingRequest request, BcDocumentState draft) {
        UUID id = UUID.fromString(draft.id());
        Mono<String> number = postedNumberRead == PostedNumberRead.WITH_POST
                ? Mono.defer(() -> bc.postPurchaseInvoiceReadingNumber(id)).timeout(timeout)
                : postThenRead(bc, id);
        return number.map(n -> BcDocumentState.posted(draft.id(), n))
                .defaultIfEmpty(BcDocumentState.posted(draft.id(), null))
                .onErrorResume(BcApiException.class, e -> e.kind() != FailureKind.BUSINESS_RULE ? Mono.error(e)
                        : afterRefusedPost(bc, request, draft, e));
    }

    /**
     * BC refused the post. If the vendor's number is taken, say by what: our own posted document (a dead attempt's
     * draft that BC posted late) makes this posting POSTED; another document parks it. Either way our draft goes,
     * so it does not wait in BC for a post that can never succeed. Any other refusal stands as BC said it.
     */
    private Mono<BcDocumentState> afterRefusedPost(BcClient bc, PostingRequest request, BcDocumentState draft,
                                                   BcApiException e) {
        return lookup(bc, request)
                .onErrorResume(BcApiException.class, lookupFailed -> Mono.error(e))
                .flatMap(found -> {
                    Optional<BcDocumentState> oursPosted = VendorDocuments.ours(found, request.getPostingKey())
                            .filter(BcDocumentState::posted);
                    Optional<VendorDocuments.Found> other = VendorDocuments.postedByOthers(found, request.getPostingKey());
                    if (oursPosted.isEmpty() && other.isEmpty()) {
                        return Mono.error(e);
                    }
                    return deleteDraft(bc, draft).then(oursPosted.isPresent() ? Mono.just(oursPosted.get())
                            : Mono.error(VendorDocuments.taken(LABEL, FIELD, vendor(request),
                                    VendorDocumentNumber.of(request), other.get())));
                });
    }

    private Mono<Void> deleteDraft(BcClient bc, BcDocumentState draft) {
        return Mono.defer(() -> bc.deletePurchaseInvoice(UUID.fromString(draft.id()), null)).timeout(timeout)
                // Left as a draft carrying our key: BC cannot post it, and the next lookup finds it again.
                .onErrorResume(BcApiException.class, ignored -> Mono.empty());
    }

    private Mono<String> postThenRead(BcClient bc, UUID id) {
        return Mono.defer(() -> bc.postPurchaseInvoice(id)).timeout(timeout)
                .then(Mono.defer(() -> bc.purchaseInvoice(id)).timeout(timeout)
                        .filter(posted -> !posted.isDraft())
                        .mapNotNull(BcPurchaseInvoice::number)
                        // BC has posted: a failed read must not fail the posting; the id still names the document
                        .onErrorResume(BcApiException.class, e -> Mono.empty()));
    }

    private Mono<List<VendorDocuments.Found>> lookup(BcClient bc, PostingRequest request) {
        return Flux.defer(() -> bc.findPurchaseInvoices(vendorId(request), request.getVendorNumber(),
                        VendorDocumentNumber.of(request)))
                .map(i -> new VendorDocuments.Found(i.id().toString(), i.number(), i.isDraft(), i.lines()))
                .collectList().timeout(timeout);
    }

    private static UUID vendorId(PostingRequest request) {
        return request.getVendorId() == null ? null : UUID.fromString(request.getVendorId());
    }

    private static String vendor(PostingRequest request) {
        return request.getVendorNumber() != null ? request.getVendorNumber() : request.getVendorId();
    }
}
