package io.mlconnector.bc;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Sends one BC request through the environment's concurrency limit, turns BC error JSON into
 * {@link BcApiException}, and retries as {@link BcFailurePolicy} says. Backoff happens outside the limit, so a
 * waiting retry does not hold a slot.
 */
final class BcHttp {

    record Request(HttpMethod method, URI uri, JsonNode body, Map<String, String> headers) {

        /** Safe to repeat after a 500: reads, and writes guarded by If-Match. */
        boolean idempotent() {
            return method == HttpMethod.GET || headers.containsKey("If-Match");
        }
    }

    private final WebClient web;
    private final EnvironmentLimiter limiter;
    private final BcClientOptions options;

    BcHttp(WebClient web, EnvironmentLimiter limiter, BcClientOptions options) {
        this.web = web;
        this.limiter = limiter;
        this.options = options;
    }

    Mono<JsonNode> send(Request request) {
        return Mono.deferContextual(ctx -> attempt(request, 1, ctx));
    }

    private Mono<JsonNode> attempt(Request request, int attempt, ContextView ctx) {
        return limiter.run(exchange(request, attempt, ctx))
                .onErrorResume(BcApiException.class, e -> {
                    Duration delay = retryDelay(request, e, attempt);
                    return delay == null ? Mono.error(e) : Mono.delay(delay).then(attempt(request, attempt + 1, ctx));
                });
    }

    private Duration retryDelay(Request request, BcApiException e, int attempt) {
        if (attempt > options.maxRetries()) {
            return null;
        }
        return switch (e.action()) {
            case RETRY_HONOURING_RETRY_AFTER -> e.retryAfter() != null
                    ? min(e.retryAfter(), options.maxRetryAfter()) : backoff(attempt);
            case RETRY_WITH_BACKOFF -> request.idempotent() ? backoff(attempt) : null;
            case FAIL_SPLIT_WORK, FAIL -> null;
        };
    }

    /** Exponential backoff with full jitter between half and the whole step. */
    private Duration backoff(int attempt) {
        long base = options.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, options.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Mono<JsonNode> exchange(Request request, int attempt, ContextView ctx) {
        long started = System.nanoTime();
        WebClient.RequestBodySpec spec = web.method(request.method()).uri(request.uri())
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> request.headers().forEach(h::set));
        WebClient.RequestHeadersSpec<?> ready = request.body() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(BcJson.write(request.body()));
        return ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").map(text -> {
                    int status = response.statusCode().value();
                    record(request, status, started, attempt, ctx);
                    if (status / 100 == 2) {
                        return text.isBlank() ? NullNode.getInstance() : BcJson.parse(text);
                    }
                    throw error(status, text, response.headers().asHttpHeaders().getFirst("Retry-After"));
                }))
                .timeout(options.requestTimeout())
                .onErrorMap(WebClientRequestException.class, e -> {
                    record(request, 0, started, attempt, ctx);
                    return BcApiException.of(503, "Transport_NoAnswer", "No answer from BC: " + e.getMessage(), null);
                })
                .onErrorMap(java.util.concurrent.TimeoutException.class,
                        e -> BcApiException.of(408, "Client_Timeout", "No answer from BC within "
                                + options.requestTimeout(), null));
    }

    private void record(Request request, int status, long started, int attempt, ContextView ctx) {
        BcCall call = new BcCall(request.method().name(), request.uri().getRawPath(), status,
                Duration.ofNanos(System.nanoTime() - started), attempt);
        options.listener().onCall(call);
        ctx.<BcCallCounter>getOrEmpty(BcCallCounter.CONTEXT_KEY).ifPresent(c -> c.onCall(call));
    }

    private static BcApiException error(int status, String text, String retryAfter) {
        String code = null;
        String message = text;
        try {
            JsonNode error = BcJson.parse(text).path("error");
            code = BcJson.text(error, "code");
            message = BcJson.text(error, "message");
        } catch (RuntimeException notJson) {
            // a gateway or proxy answered with HTML or plain text; keep it as the message
        }
        Duration wait = null;
        if (retryAfter != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                // HTTP-date form: fall back to our own backoff
            }
        }
        return BcApiException.of(status, code, message == null ? "" : message, wait);
    }
}
