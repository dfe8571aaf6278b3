package io.mlconnector.oauth;

import reactor.core.publisher.Mono;

/** One call to an authorization server that yields a fresh token (for example a client-credentials grant). */
@FunctionalInterface
public interface TokenEndpoint {
    Mono<AccessToken> requestToken();
}
