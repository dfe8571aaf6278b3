package io.mlconnector.poster.posting;

import io.mlconnector.bc.BcClient;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingRequest;
import java.util.Optional;

/**
 * How one kind of BC document is looked up by its posting key, created as a draft and posted — one
 * strategy class per BC document type (purchase invoice, purchase credit memo, general journal).
 * Calls block: the poster runs them on Kafka listener threads, never on an event loop.
 */
public interface LedgerDocument {

    BcDocumentKind kind();

    /** What BC already holds under this posting key: a posted document, a draft, or nothing. */
    Optional<BcDocumentState> find(BcClient bc, PostingRequest request);

    /** Creates the draft with all its lines and line dimensions in as few requests as BC allows. */
    BcDocumentState createDraft(BcClient bc, PostingRequest request);

    /** Posts a draft; returns the posted document. */
    BcDocumentState post(BcClient bc, PostingRequest request, BcDocumentState draft);
}
