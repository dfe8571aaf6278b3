package io.mlconnector.oauth;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2.0 client-credentials grant as both sides use it: Entra ID for Business Central
 * ({@code POST https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}, scope
 * {@code https://api.businesscentral.dynamics.com/.default}) and Procore service accounts
 * ({@code POST {login}/oauth/token}, no scope). Both answer {@code access_token} and {@code expires_in};
 * neither issues a refresh token for this grant, so "refresh" means asking again.
 */
public final class ClientCredentialsGrant implements TokenEndpoint {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String principal;
    private final WebClient http;
    private final URI tokenUri;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;
    private final Clock clock;
    private final Retry retry;

    /**
     * @param principal a name for errors and logs (tenant and side)
     * @param scope     null for Procore
     */
    public ClientCredentialsGrant(String principal, WebClient http, URI tokenUri, String clientId,
                                  Secret clientSecret, String scope, Clock clock) {
        this.principal = Objects.requireNonNull(principal);
        this.http = Objects.requireNonNull(http);
        this.tokenUri = Objects.requireNonNull(tokenUri);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientSecret = Objects.requireNonNull(clientSecret);
        this.scope = scope;
        this.clock = Objects.requireNonNull(clock);
        // 3 retries, exponential backoff from 500 ms with jitter, only for answers that may pass (5xx, 429, timeouts)
        this.retry = Retry.of(principal + ":token", RetryConfig.custom()
                .maxAttempts(4)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(500), 2.0, 0.5))
                .retryOnException(e -> e instanceof TokenRequestException t && t.isTransient()
                        || e instanceof java.util.concurrent.TimeoutException)
                .build());
    }

    @Override
    public Mono<AccessToken> requestToken() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret.reveal());
        if (scope != null) {
            form.add("scope", scope);
        }
        return http.post().uri(tokenUri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(form))
                // Read text, not Map: a gateway's 502/503 page is HTML, and decoding it as a Map would fail
                // with UnsupportedMediaTypeException instead of a (retryable) TokenRequestException.
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> toToken(response.statusCode().value(), parse(body))))
                .timeout(TIMEOUT)
                .transformDeferred(RetryOperator.of(retry));
    }

    private AccessToken toToken(int status, Map<?, ?> body) {
        Object token = body.get("access_token");
        if (status / 100 != 2 || !(token instanceof String value) || value.isBlank()) {
            throw new TokenRequestException(principal, status, text(body.get("error")), describe(body));
        }
        long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue()
                : body.get("expires_in") instanceof String s ? Long.parseLong(s.trim()) : 3600L;
        return new AccessToken(value, clock.instant().plusSeconds(expiresIn));
    }

    private static Map<?, ?> parse(String body) {
        try {
            return body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
        } catch (JacksonException e) {
            return Map.of(); // not OAuth JSON: the status alone decides
        }
    }

    private static String describe(Map<?, ?> body) {
        String description = text(body.get("error_description"));
        if (description == null) {
            description = text(body.get("message"));
        }
        // Entra ID descriptions end with trace and correlation ids; keep only the first line for people.
        return description == null ? null : description.lines().findFirst().orElse(description);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
