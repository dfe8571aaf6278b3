package io.mlconnector.poster.posting;

/**
 * The vendor already has a posted purchase invoice (credit memo) in BC with this Vendor Invoice No. (Vendor Cr. Memo
 * No.) that this posting did not make. BC refuses a second one at posting, and it is most often the same paper
 * invoice entered twice, so the posting waits for a person: the message says which BC document holds the number.
 */
public final class VendorDocumentNumberTaken extends RuntimeException {

    public VendorDocumentNumberTaken(String message) {
        super(message);
    }
}
