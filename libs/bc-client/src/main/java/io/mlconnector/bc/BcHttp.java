package io.mlconnector.bc;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Sends one BC request through resilience4j: the environment's speed limit ({@code RateLimiter}) and concurrency cap
 * ({@code Bulkhead}, waited for by a slot {@code Retry}), its {@code CircuitBreaker}, and the client's {@code Retry}
 * that applies {@link BcFailurePolicy}. BC's error JSON becomes {@link BcApiException}. The retry is outermost, so a
 * request waiting to retry holds no slot.
 */
final class BcHttp {

    record Request(HttpMethod method, URI uri, JsonNode body, Map<String, String> headers) {

        /** Safe to repeat after a 500: reads, and writes guarded by If-Match. */
        boolean idempotent() {
            return method == HttpMethod.GET || headers.containsKey("If-Match");
        }
    }

    private final WebClient web;
    private final BcResilience.Guards guards;
    private final BcClientOptions options;
    private final String environment;

    BcHttp(WebClient web, BcResilience.Guards guards, BcClientOptions options, String environment) {
        this.web = web;
        this.guards = guards;
        this.options = options;
        this.environment = environment;
    }

    Mono<JsonNode> send(Request request) {
        return Mono.deferContextual(ctx -> {
            AtomicInteger attempts = new AtomicInteger();
            return Mono.defer(() -> exchange(request, attempts.incrementAndGet(), ctx))
                    .transformDeferred(RateLimiterOperator.of(guards.speedLimit()))
                    .transformDeferred(BulkheadOperator.of(guards.concurrency()))
                    .transformDeferred(RetryOperator.of(guards.slotWait()))
                    .transformDeferred(CircuitBreakerOperator.of(guards.breaker()))
                    .onErrorMap(CallNotPermittedException.class, e -> circuitOpen())
                    .transformDeferred(RetryOperator.of(request.idempotent() ? guards.idempotent() : guards.nonIdempotent()))
                    .onErrorMap(e -> e instanceof BulkheadFullException || e instanceof RequestNotPermitted, e -> queueFull());
        });
    }

    /** The breaker is open: a 503 with the pause as Retry-After, so the retry waits the pause out like BC's own 503. */
    private BcApiException circuitOpen() {
        Duration pause = options.circuitBreaker().openFor();
        return BcApiException.of(503, "Client_CircuitOpen", "Business Central environment " + environment
                + " failed repeatedly (server errors or no answer); the connector pauses its calls for "
                + pause.toSeconds() + " s and then tries again.", pause);
    }

    private BcApiException queueFull() {
        return BcApiException.of(429, "Client_QueueTimeout", "No free request slot for Business Central environment "
                + environment + " within " + options.maxQueueWait().toSeconds() + " s (at most "
                + options.maxConcurrentRequests() + " requests at once and " + options.speedLimit() + " per "
                + options.speedLimitWindow().toSeconds() + " s); the work is retried later.", null);
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
