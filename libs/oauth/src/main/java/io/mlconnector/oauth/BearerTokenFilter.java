package io.mlconnector.oauth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Puts {@code Authorization: Bearer …} on every request; on a 401 asks the provider for a replacement
 * token once and repeats the request once. A second 401 is returned to the caller: it is a set-up
 * problem (revoked app, missing permission), not an expiry.
 */
public final class BearerTokenFilter implements ExchangeFilterFunction {

    private final TokenProvider tokens;

    public BearerTokenFilter(TokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return tokens.token().flatMap(token -> next.exchange(withBearer(request, token))
                .flatMap(response -> response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()
                        ? response.releaseBody()
                                .then(tokens.tokenAfterRejection(token))
                                .flatMap(fresh -> next.exchange(withBearer(request, fresh)))
                        : Mono.just(response)));
    }

    private static ClientRequest withBearer(ClientRequest request, AccessToken token) {
        return ClientRequest.from(request)
                .headers(h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.value()))
                .build();
    }
}
