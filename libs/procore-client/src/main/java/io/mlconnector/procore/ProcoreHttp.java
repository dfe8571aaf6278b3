package io.mlconnector.procore;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The transport under {@link ProcoreClient}: pacing, the failure policy, and Link-header paging. The table below is
 * applied by resilience4j (see {@link ProcoreResilience}): its rows are the predicates of two {@code Retry}s and of the
 * {@code CircuitBreaker}; the hourly budget and spike window are {@code RateLimiter}s, the concurrency cap a
 * {@code Bulkhead}. Pacing from the X-Rate-Limit-* headers is written here ({@link RateLimitPacer}).
 *
 * <pre>
 * answer                         action
 * 2xx                            done
 * 429                            wait for Retry-After, else X-Rate-Limit-Reset, plus jitter; retry; never give up
 * 5xx, timeout, connection error retry with exponential backoff + jitter, at most maxTransientRetries;
 *                                counted by the circuit breaker, which pauses calls when most recent calls failed
 * 401                            BearerTokenFilter already refreshed once and re-sent: fail (set-up problem)
 * other 4xx                      fail with ProcoreApiException (status, path, message, x-request-id)
 * </pre>
 */
final class ProcoreHttp {

    private static final Logger log = LoggerFactory.getLogger(ProcoreHttp.class);

    /** A page of a list: its items, the next page's URL (Link rel="next") if any, and the last page number. */
    record Page(List<JsonNode> items, URI next, int lastPage) {
    }

    /** A decoded answer. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    private static final class RateLimited extends RuntimeException {
        final Duration wait;

        RateLimited(Duration wait) {
            super("rate limited", null, false, false);
            this.wait = wait;
        }
    }

    private static final class Transient extends RuntimeException {
        final int status;
        final Duration wait; // at least this long before the next attempt (an open circuit), or null

        Transient(int status, String message, Duration wait) {
            super(message, null, false, false);
            this.status = status;
            this.wait = wait;
        }
    }

    private final WebClient web;
    private final URI apiBase;
    private final Clock clock;
    private final ProcoreClientOptions options;
    private final RateLimitPacer pacer;
    private final ProcoreResilience.Guards guards;

    ProcoreHttp(WebClient.Builder builder, ExchangeFilterFunction bearer, URI apiBase, long companyId, Clock clock,
                ProcoreClientOptions options, ApiCallListener listener, ProcoreResilience resilience) {
        this.apiBase = apiBase;
        this.clock = clock;
        this.options = options;
        this.pacer = new RateLimitPacer(clock, options.pacingReserve(), options.rateLimitJitterMax());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(options.backoffBase(), 2.0, 0.5,
                options.backoffMax());
        this.guards = resilience.guards("procore:" + apiBase.getHost() + "/" + companyId, options,
                ProcoreHttp::isTransient, e -> e instanceof RateLimited,
                (attempt, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof RateLimited r
                        ? r.wait.toMillis() : 1000L,
                (attempt, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof Transient t && t.wait != null
                        ? Math.max(t.wait.toMillis(), backoff.apply(attempt)) : backoff.apply(attempt));
        this.web = builder.clone()
                // Procore requires the header on every call, company-scoped or not (Procore developer documentation, "Making API calls")
                .defaultHeader("Procore-Company-Id", Long.toString(companyId))
                .filter(bearer)
                .filter(observer(listener))
                .build();
    }

    /** Sees every real exchange (including the one BearerTokenFilter re-sends): rate headers and call counting. */
    private ExchangeFilterFunction observer(ApiCallListener listener) {
        return (ClientRequest request, ExchangeFunction next) -> {
            long started = System.nanoTime();
            return next.exchange(request).doOnNext(response -> {
                readRateHeaders(response.headers().asHttpHeaders());
                try {
                    listener.onCall(new ApiCall(request.method().name(), request.url().getRawPath(),
                            response.statusCode().value(), Duration.ofNanos(System.nanoTime() - started)));
                } catch (RuntimeException e) {
                    log.warn("ApiCallListener failed", e);
                }
            });
        };
    }

    private void readRateHeaders(HttpHeaders headers) {
        String limit = headers.getFirst("X-Rate-Limit-Limit");
        String remaining = headers.getFirst("X-Rate-Limit-Remaining");
        String reset = headers.getFirst("X-Rate-Limit-Reset");
        if (limit != null && remaining != null && reset != null) {
            try {
                pacer.observe(Integer.parseInt(limit.trim()), Integer.parseInt(remaining.trim()), Long.parseLong(reset.trim()));
            } catch (NumberFormatException e) {
                log.debug("unreadable rate-limit headers {}/{}/{}", limit, remaining, reset);
            }
        }
    }

    URI uri(String path, Query query) {
        String q = query.toString();
        return URI.create(apiBase.toString().replaceAll("/+$", "") + path + (q.isEmpty() ? "" : "?" + q));
    }

    Mono<JsonNode> get(URI uri) {
        return send(HttpMethod.GET, uri, null).map(a -> ProcoreJson.read(a.body()));
    }

    Mono<JsonNode> json(HttpMethod method, URI uri, JsonNode body) {
        return send(method, uri, body).map(a -> ProcoreJson.read(a.body()));
    }

    /** Every item of a v1 list (top-level array) or v2 list ({"data": [...]}), following Link rel="next". */
    Flux<JsonNode> list(URI first) {
        return page(first).expand(p -> p.next() == null ? Mono.empty() : page(p.next()))
                .concatMapIterable(Page::items);
    }

    Mono<Page> page(URI uri) {
        return send(HttpMethod.GET, uri, null).map(a -> {
            JsonNode body = ProcoreJson.read(a.body());
            JsonNode items = body.isArray() ? body : body.path("data");
            List<JsonNode> out = new ArrayList<>();
            items.forEach(out::add);
            String link = a.headers().getFirst("Link");
            return new Page(out, nextLink(link), lastPage(link));
        });
    }

    /** The page number in Link rel="last" (1 when absent). */
    static int lastPage(String link) {
        if (link != null) {
            for (String part : link.split(",")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]page=(\\d+)").matcher(part);
                if (part.contains("rel=\"last\"") && m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return 1;
    }

    static URI nextLink(String link) {
        if (link == null) {
            return null;
        }
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"") && part.contains("<") && part.contains(">")) {
                return URI.create(part.substring(part.indexOf('<') + 1, part.indexOf('>')).trim());
            }
        }
        return null;
    }

    Mono<Answer> send(HttpMethod method, URI uri, JsonNode body) {
        AtomicInteger transientFailures = new AtomicInteger();
        Mono<Answer> attempt = Mono.defer(() -> Mono.delay(pacer.reserve())) // header pacing: see RateLimitPacer
                .then(Mono.defer(() -> exchange(method, uri, body)))
                .timeout(options.requestTimeout())
                .flatMap(answer -> classify(answer, uri))
                .doOnError(e -> {
                    if (isTransient(e)) {
                        log.debug("transient failure on {}: {}", uri.getPath(), e.getMessage());
                        transientFailures.incrementAndGet();
                    }
                })
                .transformDeferred(RateLimiterOperator.of(guards.hourly()));
        if (guards.spike() != null) {
            attempt = attempt.transformDeferred(RateLimiterOperator.of(guards.spike()));
        }
        return attempt
                .transformDeferred(BulkheadOperator.of(guards.concurrency()))
                .transformDeferred(RetryOperator.of(guards.slotWait()))
                .transformDeferred(CircuitBreakerOperator.of(guards.breaker()))
                .onErrorMap(CallNotPermittedException.class, e -> new Transient(503, "Procore failed repeatedly;"
                        + " calls to this company are paused for " + options.circuitBreaker().openFor().toSeconds()
                        + " s", options.circuitBreaker().openFor()))
                .transformDeferred(RetryOperator.of(guards.transientFailures()))
                .transformDeferred(RetryOperator.of(guards.throttled()))
                .onErrorMap(ProcoreHttp::isTransient, e -> new ProcoreApiException(
                        e instanceof Transient t ? t.status : 0, uri.getPath(), "gave up after "
                        + Math.max(0, transientFailures.get() - 1) + " retries: " + e.getMessage(), null))
                .onErrorMap(e -> e instanceof BulkheadFullException || e instanceof RequestNotPermitted,
                        e -> new ProcoreApiException(429, uri.getPath(), "no free request slot within "
                                + options.hourlyWindow().toMinutes() + " min (at most " + options.maxConcurrentRequests()
                                + " requests at once, " + options.hourlyBudget() + " per " + options.hourlyWindow().toMinutes()
                                + " min); the work is retried later", null));
    }

    private Mono<Answer> exchange(HttpMethod method, URI uri, JsonNode body) {
        WebClient.RequestBodySpec spec = web.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        WebClient.RequestHeadersSpec<?> ready = body == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(ProcoreJson.write(body));
        return ready.exchangeToMono((ClientResponse response) -> response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(text -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), text)));
    }

    private Mono<Answer> classify(Answer answer, URI uri) {
        int status = answer.status();
        if (status / 100 == 2) {
            return Mono.just(answer);
        }
        if (status == 429) {
            return Mono.error(new RateLimited(rateLimitWait(answer.headers())));
        }
        if (status >= 500) {
            return Mono.error(new Transient(status, status + " " + abbreviate(answer.body()), null));
        }
        return Mono.error(new ProcoreApiException(status, uri.getPath(), errorMessage(answer.body()),
                answer.headers().getFirst("X-Request-Id")));
    }

    /** Retry-After if present (docs disagree whether 429 carries it), else X-Rate-Limit-Reset; plus jitter. */
    private Duration rateLimitWait(HttpHeaders headers) {
        Duration wait = null;
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
            wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        }
        String reset = headers.getFirst("X-Rate-Limit-Reset");
        if (wait == null && reset != null && reset.trim().matches("\\d+")) {
            wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
        }
        if (wait == null || wait.isNegative()) {
            wait = Duration.ofSeconds(1);
        }
        return wait.plus(pacer.jitter());
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof Transient || e instanceof TimeoutException || e instanceof WebClientRequestException;
    }

    private static String errorMessage(String body) {
        try {
            JsonNode json = ProcoreJson.read(body);
            if (json.path("message").isString()) {
                return json.path("message").asString();
            }
            if (json.path("error").isObject()) {
                return json.path("error").path("message").asString("");
            }
            if (json.has("errors")) {
                return json.path("errors").toString();
            }
            return json.path("error").asString(abbreviate(body));
        } catch (RuntimeException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
