package io.mlconnector.poster.posting.invoice;

import io.mlconnector.bc.BcDocumentLine;
import io.mlconnector.poster.posting.BcDocumentState;
import io.mlconnector.poster.posting.VendorDocumentNumberTaken;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Telling our document from someone else's among a vendor's documents with one vendor document number. BC's
 * duplicate check is per vendor and number, so a lookup by both returns every document that can block ours: the one
 * carrying our posting key ({@link PostingMarker}) is ours, whatever its state; a posted one without it belongs to
 * another posting or was entered in BC by hand.
 */
final class VendorDocuments {

    /** One purchase invoice or credit memo found in BC. */
    record Found(String id, String number, boolean draft, List<BcDocumentLine> lines) {
    }

    private VendorDocuments() {
    }

    /** Ours, posted preferred (a late draft of a dead attempt may sit beside the posted one). */
    static Optional<BcDocumentState> ours(List<Found> found, String postingKey) {
        return found.stream().filter(f -> PostingMarker.marks(f.lines(), postingKey))
                .max(Comparator.comparing(f -> !f.draft()))
                .map(f -> f.draft() ? BcDocumentState.draft(f.id(), f.number()) : BcDocumentState.posted(f.id(), f.number()));
    }

    /** A posted document with this vendor and number that is not ours: BC will not post a second one. */
    static Optional<Found> postedByOthers(List<Found> found, String postingKey) {
        return found.stream().filter(f -> !f.draft() && !PostingMarker.marks(f.lines(), postingKey)).findFirst();
    }

    static VendorDocumentNumberTaken taken(String label, String fieldCaption, String vendor, String vendorDocumentNumber,
                                           Found other) {
        String whose = PostingMarker.keyOn(other.lines())
                .map(key -> "posted by this connector for another Procore document (posting " + key + ")")
                .orElse("entered in BC, not by this connector");
        return new VendorDocumentNumberTaken("Vendor " + vendor + " already has posted " + label + " " + other.number()
                + " with " + fieldCaption + " " + vendorDocumentNumber + " (" + whose + "), and BC refuses a second one"
                + " with the same number. If it is the same invoice, it is already in BC: leave this posting parked."
                + " If it is a different invoice, correct its invoice number in Procore (as the vendor wrote it, or"
                + " with a suffix if the vendor reused the number); the corrected document then posts by itself.");
    }
}
