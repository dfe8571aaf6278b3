package io.mlconnector.oauth;

import reactor.core.publisher.Mono;

/** Hands out bearer tokens for one principal (one tenant on one side). */
public interface TokenProvider {

    /** A token that is valid for a while yet; fetched or refreshed when needed. */
    Mono<AccessToken> token();

    /**
     * A replacement for a token the API just rejected with 401. If another caller already replaced it,
     * that replacement is returned; otherwise one refresh is made and shared.
     */
    Mono<AccessToken> tokenAfterRejection(AccessToken rejected);
}
