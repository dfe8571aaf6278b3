package io.mlconnector.sandbox.procore;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one handler behind the port: reads the request, applies the checks every Procore API call goes
 * through (faults, bearer token, company header, rate limit, company installation), routes, logs.
 */
final class ProcoreHttpHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    /** Internal: the authenticated client id is passed to routes in this pseudo-header (never sent). */
    static final String CLIENT_ID_HEADER = "x-sandbox-client-id";

    /** Documented 429 body text; Procore uses the same text for the hourly and the spike limit (rate-limiting). */
    static final String RATE_LIMIT_TEXT =
            "You have surpassed the max number of requests for an hour. Please wait until your limit resets.";

    private static final Logger log = LoggerFactory.getLogger(ProcoreHttpHandler.class);

    private final SandboxData data;
    private final ProcoreSandboxOptions options;
    private final TokenStore tokens;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final RequestLog requestLog;
    private final OAuthEndpoints oauth;
    private final ProcoreApi api;

    ProcoreHttpHandler(SandboxData data, ProcoreSandboxOptions options, TokenStore tokens, RateLimiter rateLimiter,
                       Faults faults, RequestLog requestLog, ProcoreApi api) {
        this.data = data;
        this.options = options;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.requestLog = requestLog;
        this.oauth = new OAuthEndpoints(data, tokens);
        this.api = api;
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        long started = System.nanoTime();
        Instant at = options.clock().instant();
        String uri = request.uri();
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        String path = decoder.path();
        Map<String, String> headers = new HashMap<>();
        request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        headers.remove(CLIENT_ID_HEADER);
        String method = request.method().name();
        String rawQuery = decoder.rawQuery();

        Mono<ApiRequest> parsed = (request.isFormUrlencoded() || request.isMultipart())
                ? request.receiveForm().collectMap(d -> d.getName(), d -> attributeValue(d))
                        .map(form -> new ApiRequest(method, path, rawQuery, decoder.parameters(), headers, null, form))
                : request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(body -> new ApiRequest(method, path, rawQuery, decoder.parameters(), headers, body, Map.of()));

        return parsed
                .map(this::answer)
                .onErrorResume(e -> {
                    log.warn("sandbox failed on {} {}", method, path, e);
                    return Mono.just(ApiResponse.json(500, ApiError.body(500, "internal_error", "Internal Server Error")));
                })
                .flatMap(r -> savedIfWrite(method, path, r))
                .delayUntil(r -> delay(path))
                .flatMap(r -> {
                    r.headers.forEach(response::header);
                    response.header("Content-Type", r.contentType);
                    response.header("X-Request-Id", java.util.UUID.randomUUID().toString());
                    requestLog.add(new LoggedRequest(at, method, uri, headers.get("procore-company-id"), r.status,
                            Duration.ofNanos(System.nanoTime() - started)));
                    return response.status(r.status).sendString(Mono.just(r.body)).then();
                });
    }

    /** A write's effect is in the state file (when the sandbox keeps one) before it is answered; off the event loop. */
    private Mono<ApiResponse> savedIfWrite(String method, String path, ApiResponse response) {
        if (method.equals("GET") || method.equals("HEAD") || !path.startsWith("/rest/")) {
            return Mono.just(response);
        }
        return Mono.fromCallable(() -> {
            data.saveAfterWrite();
            return response;
        }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    private Mono<Long> delay(String path) {
        Duration d = faults.latencyFor(path);
        return d.isZero() ? Mono.just(0L) : Mono.delay(d);
    }

    private static String attributeValue(io.netty.handler.codec.http.multipart.HttpData d) {
        try {
            return d instanceof Attribute a ? a.getValue() : d.getString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ApiResponse answer(ApiRequest req) {
        try {
            if (req.path().startsWith("/oauth/")) {
                Optional<Integer> fault = faults.takeFailure(req.path());
                return fault.map(this::faultResponse).orElseGet(() -> oauth.handle(req));
            }
            if (!req.path().startsWith("/rest/")) {
                throw ApiError.notFound("route " + req.path());
            }
            Optional<Integer> fault = faults.takeFailure(req.path());
            if (fault.isPresent()) {
                return withRateHeaders(faultResponse(fault.get()), req);
            }
            return restCall(req);
        } catch (ApiError e) {
            return e.response;
        }
    }

    private ApiResponse restCall(ApiRequest req) {
        String token = req.header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).orElse(null);
        TokenStore.Issued grant = tokens.valid(token).orElse(null);
        if (grant == null) {
            return ApiResponse.json(401, ApiError.body(401, "unauthorized", "The access token is invalid"))
                    .header("WWW-Authenticate", "Bearer realm=\"Doorkeeper\", error=\"invalid_token\"");
        }
        String companyHeader = req.header("procore-company-id").map(String::trim).orElse("");
        if (companyHeader.isEmpty()) {
            throw ApiError.badRequest("Missing Procore-Company-Id header!");
        }
        RateLimiter.Verdict verdict = rateLimiter.acquire(grant.clientId(), companyHeader);
        ApiResponse response = verdict.allowed() ? authorized(req, grant, companyHeader) : rateLimited(verdict);
        return rateHeaders(response, verdict);
    }

    private ApiResponse authorized(ApiRequest req, TokenStore.Issued grant, String companyHeader) {
        try {
            long companyId;
            try {
                companyId = Long.parseLong(companyHeader);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("Procore-Company-Id header must be a company id");
            }
            boolean installed = data.client(grant.clientId()).map(c -> c.companyIds().contains(companyId)).orElse(false);
            if (!installed) {
                throw ApiError.of(403, "forbidden", "App is not connected to this company");
            }
            Map<String, String> headers = new LinkedHashMap<>(req.headers());
            headers.put(CLIENT_ID_HEADER, grant.clientId());
            ApiRequest authed = new ApiRequest(req.method(), req.path(), req.rawQuery(), req.query(), headers,
                    req.body(), req.form());
            // changes made by this call carry the app as metadata.source_application_id in webhooks (Procore docs: webhooks)
            return data.actingAs(grant.clientId(), () -> api.handle(new ProcoreApi.Call(authed, companyId)));
        } catch (ApiError e) {
            return e.response;
        }
    }

    private ApiResponse rateLimited(RateLimiter.Verdict verdict) {
        ApiResponse r = ApiResponse.text(429, RATE_LIMIT_TEXT);
        if (options.retryAfterOn429()) {
            long wait = Math.max(1, verdict.resetEpochSeconds() - options.clock().instant().getEpochSecond());
            r.header("Retry-After", Long.toString(wait));
        }
        return r;
    }

    private ApiResponse faultResponse(int status) {
        return switch (status) {
            case 429 -> ApiResponse.text(429, RATE_LIMIT_TEXT);
            case 401 -> ApiResponse.json(401, ApiError.body(401, "unauthorized", "The access token is invalid"));
            default -> ApiResponse.json(status, ApiError.body(status, "injected_fault", "Injected fault " + status));
        };
    }

    /** Injected faults still carry rate headers (an injected 429 says: nothing left, reset in a second). */
    private ApiResponse withRateHeaders(ApiResponse r, ApiRequest req) {
        String clientId = tokenClient(req).orElse("anonymous");
        String company = req.header("procore-company-id").orElse("");
        RateLimiter.Verdict current = rateLimiter.peek(clientId, company);
        if (r.status == 429) {
            Instant reset = options.clock().instant().plusSeconds(1);
            current = new RateLimiter.Verdict(false, current.limit(), 0, reset);
            if (options.retryAfterOn429()) {
                r.header("Retry-After", "1");
            }
        }
        return rateHeaders(r, current);
    }

    private Optional<String> tokenClient(ApiRequest req) {
        return req.header("authorization").filter(h -> h.length() > 7).map(h -> h.substring(7).trim())
                .flatMap(tokens::valid).map(TokenStore.Issued::clientId);
    }

    private static ApiResponse rateHeaders(ApiResponse r, RateLimiter.Verdict v) {
        return r.header("X-Rate-Limit-Limit", Integer.toString(v.limit()))
                .header("X-Rate-Limit-Remaining", Integer.toString(v.remaining()))
                .header("X-Rate-Limit-Reset", Long.toString(v.resetEpochSeconds()));
    }

    static ObjectNode object() {
        return SandboxJson.MAPPER.createObjectNode();
    }

    static List<String> none() {
        return List.of();
    }
}
