package io.mlconnector.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The small JSON answers the gateway gives. */
public final class WebhookResponses {

    /** Seconds a sender is asked to wait after a 503. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private WebhookResponses() {
    }

    public static Mono<ServerResponse> json(HttpStatus status, Map<String, ?> body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /**
     * 405 with the {@code Allow} header listing what the path serves (RFC 9110 §15.5.6 requires it), so a client
     * that used the wrong method learns the right one instead of a misleading 404.
     */
    public static Mono<ServerResponse> methodNotAllowed(org.springframework.http.HttpMethod... allowed) {
        String allow = java.util.Arrays.stream(allowed).map(org.springframework.http.HttpMethod::name)
                .collect(java.util.stream.Collectors.joining(", "));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "rejected");
        body.put("reason", Rejection.METHOD_NOT_ALLOWED.code());
        body.put("detail", "this URL accepts " + allow + " only");
        return ServerResponse.status(Rejection.METHOD_NOT_ALLOWED.status()).allow(allowed)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /** {@code {"status":"rejected","reason":"<code>","detail":"..."}} with the rejection's status. */
    public static Mono<ServerResponse> rejected(Rejection rejection, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", rejection == Rejection.UNAVAILABLE ? "unavailable" : "rejected");
        body.put("reason", rejection.code());
        body.put("detail", detail);
        ServerResponse.BodyBuilder builder = ServerResponse.status(rejection.status()).contentType(MediaType.APPLICATION_JSON);
        if (rejection == Rejection.UNAVAILABLE) {
            builder.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return builder.bodyValue(body);
    }
}
