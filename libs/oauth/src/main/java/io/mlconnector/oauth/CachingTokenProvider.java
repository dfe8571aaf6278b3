package io.mlconnector.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Caches one token and refreshes it {@code refreshMargin} before it expires, or once after a 401.
 * Concurrent callers that need a refresh share a single request to the token endpoint (single flight):
 * both Procore and Entra ID count token requests, and a burst of callers must not become a burst of grants.
 */
public final class CachingTokenProvider implements TokenProvider {

    private static final Logger log = LoggerFactory.getLogger(CachingTokenProvider.class);

    private final String principal;
    private final TokenEndpoint endpoint;
    private final Duration refreshMargin;
    private final Clock clock;

    private AccessToken current;          // guarded by this
    private Mono<AccessToken> inFlight;   // guarded by this
    private Object inFlightId;            // guarded by this; which request inFlight belongs to

    /**
     * @param principal     a name for logs (tenant and side), never a secret
     * @param refreshMargin how long before expiry a token counts as stale
     */
    public CachingTokenProvider(String principal, TokenEndpoint endpoint, Duration refreshMargin, Clock clock) {
        this.principal = Objects.requireNonNull(principal);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.refreshMargin = Objects.requireNonNull(refreshMargin);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Mono<AccessToken> token() {
        return Mono.defer(() -> obtain(null));
    }

    @Override
    public Mono<AccessToken> tokenAfterRejection(AccessToken rejected) {
        return Mono.defer(() -> obtain(Objects.requireNonNull(rejected)));
    }

    private synchronized Mono<AccessToken> obtain(AccessToken rejected) {
        if (current != null && !current.equals(rejected) && !current.expiresWithin(refreshMargin, clock.instant())) {
            return Mono.just(current);
        }
        if (inFlight == null) {
            if (rejected != null) {
                log.info("token for {} was rejected; requesting a new one", principal);
            }
            // The request is finished for new callers as soon as its token is stored (before any subscriber
            // sees it), not in doFinally: doFinally runs after subscribers got the value, and in that window a
            // caller finding the token stale or rejected would be handed this finished request's cached token.
            Object flight = new Object();
            inFlightId = flight;
            inFlight = endpoint.requestToken()
                    .doOnNext(token -> landed(flight, token))
                    .doOnError(error -> landed(flight, null))
                    .doFinally(signal -> landed(flight, null))
                    .cache();
        }
        return inFlight;
    }

    /** Stores the token (if any) and ends the in-flight request, unless a newer one has replaced it. */
    private synchronized void landed(Object flight, AccessToken token) {
        if (token != null) {
            current = token;
            log.debug("new token for {} valid until {}", principal, token.expiresAt());
        }
        if (inFlightId == flight) {
            inFlight = null;
            inFlightId = null;
        }
    }
}
