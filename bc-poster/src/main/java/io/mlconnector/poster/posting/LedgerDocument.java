package io.mlconnector.poster.posting;

import io.mlconnector.bc.BcClient;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingRequest;
import reactor.core.publisher.Mono;

/**
 * How one kind of BC document is looked up by its posting key, created as a draft and posted — one
 * strategy class per BC document type (purchase invoice, purchase credit memo, general journal).
 * Every call returns a cold {@link Mono} over the non-blocking BC client: nothing is sent until it is subscribed,
 * and no thread waits for BC (each step is bounded by the strategy's timeout instead).
 */
public interface LedgerDocument {

    BcDocumentKind kind();

    /** What BC already holds under this posting key: a posted document, a draft, or nothing (empty). */
    Mono<BcDocumentState> find(BcClient bc, PostingRequest request);

    /** Creates the draft with all its lines and line dimensions in as few requests as BC allows. */
    Mono<BcDocumentState> createDraft(BcClient bc, PostingRequest request);

    /** Posts a draft; returns the posted document. */
    Mono<BcDocumentState> post(BcClient bc, PostingRequest request, BcDocumentState draft);
}
