package io.mlconnector.poster.posting;

/**
 * A BC document found or made for a posting.
 *
 * @param id     the BC id (purchase invoice / credit memo id; the journal batch id for journal lines)
 * @param number BC's document number when known (drafts and posted documents are numbered differently)
 */
public record BcDocumentState(String id, String number, boolean posted) {

    public static BcDocumentState draft(String id, String number) {
        return new BcDocumentState(id, number, false);
    }

    public static BcDocumentState posted(String id, String number) {
        return new BcDocumentState(id, number, true);
    }
}
