package io.mlconnector.poster.posting.invoice;

import io.mlconnector.events.PostingRequest;
import java.util.Locale;

/**
 * What goes into BC's Vendor Invoice No. / Vendor Cr. Memo No.: the vendor's own document number from Procore, the
 * number accounts payable matches against the paper invoice and remittances show. Both BC fields are Code[35], which
 * BC stores trimmed and upper-cased (Microsoft Learn, purchaseInvoice and purchaseCreditMemo resource types, v2.0), so
 * the value is cut to 35 characters and written the way BC will keep it.
 * <p>
 * When Procore has no number (an expense, a requisition without the subcontractor's invoice number) the posting key
 * without its revision part stands in, e.g. {@code RQ-7300101}: one value per Procore record, so BC's own duplicate
 * check still refuses a second posting of the same record.
 */
public final class VendorDocumentNumber {

    public static final int MAX_LENGTH = 35;

    private VendorDocumentNumber() {
    }

    public static String of(PostingRequest request) {
        String own = request.getVendorInvoiceNumber();
        String value = own == null || own.isBlank() ? procoreRecordKey(request.getPostingKey()) : own;
        value = value.strip().toUpperCase(Locale.ROOT);
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH).strip();
    }

    /** {@code <type>-<id>-<revision hash>} without the revision hash; a key of another shape is used whole. */
    static String procoreRecordKey(String postingKey) {
        int last = postingKey.lastIndexOf('-');
        return last > 0 && postingKey.indexOf('-') < last ? postingKey.substring(0, last) : postingKey;
    }
}
