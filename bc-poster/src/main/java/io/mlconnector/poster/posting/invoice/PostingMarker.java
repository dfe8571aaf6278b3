package io.mlconnector.poster.posting.invoice;

import io.mlconnector.bc.BcDocumentLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The posting key on a BC purchase invoice or credit memo: a comment line "Procore posting RQ-7300101-1A2B3C4D".
 * The v2.0 purchaseInvoice entity has no free reference field besides Vendor Invoice No. (no yourReference, no
 * external document number; BC $metadata, Microsoft Learn purchaseInvoice resource type), and Vendor Invoice No. now
 * carries the vendor's own number. A comment line is part of the same deep insert as the document (all or nothing),
 * is kept when BC posts, and is visible to the accountant on the document.
 */
final class PostingMarker {

    static final String PREFIX = "Procore posting ";

    private PostingMarker() {
    }

    static String text(String postingKey) {
        return PREFIX + postingKey;
    }

    /** Whether these lines carry this posting key (BC keeps Text fields as written; compared without case anyway). */
    static boolean marks(List<BcDocumentLine> lines, String postingKey) {
        String key = postingKey.toUpperCase(Locale.ROOT);
        return lines.stream().map(BcDocumentLine::description)
                .anyMatch(d -> d != null && d.toUpperCase(Locale.ROOT).equals(text(key).toUpperCase(Locale.ROOT)));
    }

    /** The posting key another posting of this connector left on a document, if any. */
    static Optional<String> keyOn(List<BcDocumentLine> lines) {
        return lines.stream().map(BcDocumentLine::description)
                .filter(d -> d != null && d.toUpperCase(Locale.ROOT).startsWith(PREFIX.toUpperCase(Locale.ROOT)))
                .map(d -> d.substring(PREFIX.length()).strip()).findFirst();
    }
}
