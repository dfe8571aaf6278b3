package io.mlconnector.sandbox.bc;

import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Business Central online API v2.0 and its Entra ID token endpoint, for tests and the local
 * run. It serves {@code POST /{tenant}/oauth2/v2.0/token} and {@code /v2.0/{tenant}/{environment}/api/v2.0/…} on
 * 127.0.0.1 and behaves like the real service as far as Microsoft's documentation says (docs/api-facts.md), with knobs
 * for what is unconfirmed. Start with {@link #start(BcSandboxOptions)}; close when done.
 */
public final class BcSandbox implements AutoCloseable {

    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token/?$");
    private static final Pattern API_PATH = Pattern.compile("^/v2\\.0/([^/]+)/([^/]+)/api/v2\\.0/?(.*)$");

    private final BcSandboxOptions options;
    private final SandboxState state = new SandboxState();
    private final TokenIssuer tokens;
    private final Throttle throttle;
    private final FaultInjector faults = new FaultInjector();
    private final ApiHandler api;
    private final Subscriptions subscriptions;
    private final List<RequestLogEntry> requestLog = Collections.synchronizedList(new ArrayList<>());
    private final List<HeldRequest> holds = new ArrayList<>();
    private DisposableServer server;
    private String baseUrl;
    private StatePersister persister;

    private BcSandbox(BcSandboxOptions options) {
        this.options = options;
        this.tokens = new TokenIssuer(state, options);
        this.throttle = new Throttle(options);
        this.api = new ApiHandler(options);
        this.subscriptions = new Subscriptions(state, state, options);
    }

    public static BcSandbox start(BcSandboxOptions options) {
        BcSandbox sandbox = new BcSandbox(options);
        DataLoader loader = new DataLoader(sandbox.state, options.clock().instant());
        if (options.demoData()) {
            loader.load(bundledDemoData());
        }
        if (options.dataDir() != null) {
            loader.load(options.dataDir());
        }
        if (options.statePath() != null) {
            SandboxStateFile.restore(sandbox.state, options.statePath());
            sandbox.persister = new StatePersister(sandbox.state, options.statePath());
        }
        sandbox.server = HttpServer.create().host(options.host()).port(options.port())
                .handle(sandbox::handle).bindNow();
        sandbox.baseUrl = "http://" + options.host() + ":" + sandbox.server.port();
        return sandbox;
    }

    private static Path bundledDemoData() {
        URL url = BcSandbox.class.getResource("demo-data/apps.json");
        if (url == null) {
            throw new IllegalStateException("demo data is not bundled in this build of bc-sandbox");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // another sandbox in this JVM opened it already
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled demo data", e);
        }
    }

    /** {@code http://127.0.0.1:port}; the client appends {@code /v2.0/{tenant}/{environment}/api/v2.0}. */
    public String apiBaseUrl() {
        return baseUrl;
    }

    /** {@code http://127.0.0.1:port}; the token endpoint is {@code {loginBaseUrl}/{tenant}/oauth2/v2.0/token}. */
    public String loginBaseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    public BcSandboxOptions options() {
        return options;
    }

    @Override
    public void close() {
        releaseHolds();
        subscriptions.close();
        if (persister != null) {
            persister.saveNow();
        }
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
        }
    }

    // ---------------------------------------------------------------- HTTP

    private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        long started = System.nanoTime();
        Instant at = options.clock().instant();
        String method = req.method().name();
        String uri = req.uri();
        Map<String, String> headers = new LinkedHashMap<>();
        req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        HeldRequest hold = takeHold(method + " " + uri);
        AtomicReference<Channel> channel = new AtomicReference<>();
        res.withConnection(connection -> channel.set(connection.channel()));
        BooleanSupplier callerConnected = () -> channel.get() == null || channel.get().isActive();
        return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> held(hold, HoldPoint.BEFORE_PROCESSING, callerConnected,
                        Mono.defer(() -> process(method, uri, headers, body))
                                .onErrorResume(BcError.class, e -> Mono.just(Reply.error(e)))
                                .onErrorResume(e -> Mono.just(Reply.error(
                                        new BcError(500, "Internal_ServerError", String.valueOf(e)))))))
                .flatMap(reply -> persisted(method, uri, reply))
                .flatMap(reply -> {
                    requestLog.add(new RequestLogEntry(at, method, uri, reply.status(),
                            Duration.ofNanos(System.nanoTime() - started)));
                    return held(hold, HoldPoint.AFTER_PROCESSING, callerConnected, Mono.just(reply));
                })
                .flatMap(reply -> {
                    res.status(reply.status());
                    reply.headers().forEach(res::header);
                    return reply.body().isEmpty() ? res.send() .then() : res.sendString(Mono.just(reply.body())).then();
                });
    }

    /**
     * The reply, once a write's effect is saved (with {@code statePath}): BC's answer means the change is durable.
     * Reads and token requests change nothing that is kept. The save runs off the event loop.
     */
    private Mono<Reply> persisted(String method, String uri, Reply reply) {
        if (persister == null || method.equals("GET") || method.equals("HEAD") || uri.contains("/oauth2/")) {
            return Mono.just(reply);
        }
        return Mono.fromCallable(() -> {
            persister.afterWrite();
            return reply;
        }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    /** How many times the state was written to {@code statePath} (the cost of keeping it). */
    public long stateSaves() {
        return persister == null ? 0 : persister.saves();
    }

    /**
     * {@code next}, after the hold (if it stops at {@code point}) is released. A request whose caller hung up
     * meanwhile goes no further: held before processing it is dropped (BC never saw it); held after, its work stays
     * committed and only the answer is lost.
     */
    private static Mono<Reply> held(HeldRequest hold, HoldPoint point, BooleanSupplier callerConnected, Mono<Reply> next) {
        if (hold == null || hold.point() != point) {
            return next;
        }
        // Reactor Netty cancels the handler when the connection closes; a release after that finds it gone.
        return hold.hold().doOnCancel(() -> hold.callerGone(true)).then(Mono.defer(() -> {
            boolean gone = !callerConnected.getAsBoolean();
            hold.callerGone(gone);
            return gone ? Mono.<Reply>empty() : next;
        }));
    }

    private HeldRequest takeHold(String methodAndPath) {
        synchronized (holds) {
            for (HeldRequest hold : holds) {
                if (hold.matches(methodAndPath)) {
                    holds.remove(hold);
                    hold.caught(methodAndPath);
                    return hold;
                }
            }
            return null;
        }
    }

    private Mono<Reply> process(String method, String uri, Map<String, String> headers, String body) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        String path = URI.create("http://x" + rawPath.replace("'", "%27")).getPath();
        Matcher token = TOKEN_PATH.matcher(path);
        if (token.matches()) {
            if (!method.equals("POST")) {
                return Mono.just(Reply.error(new BcError(405, "MethodNotAllowed", "Use POST for the token endpoint.")));
            }
            return Mono.just(tokens.issue(token.group(1), body));
        }
        Matcher m = API_PATH.matcher(path);
        if (!m.matches()) {
            throw new BcError(404, "BadRequest_ResourceNotFound", "No HTTP resource was found that matches the request URI.");
        }
        String tenant = m.group(1);
        String environment = m.group(2);
        String relative = m.group(3);
        EnvironmentData env;
        synchronized (state) {
            env = state.environment(tenant, environment, false);
        }
        if (env == null) {
            // Unknown tenant or environment: BC answers 404 (exact code UNCONFIRMED).
            throw new BcError(404, "BadRequest_ResourceNotFound", "The environment '" + environment
                    + "' does not exist for tenant '" + tenant + "'.");
        }
        TokenIssuer.IssuedToken principal = tokens.validate(headers.get("authorization"), tenant);
        if (principal == null) {
            throw new BcError(401, "Authentication_InvalidCredentials", "The server has rejected the client credentials.",
                    Map.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\""));
        }
        String user = principal.clientId();
        if (!throttle.admit(user)) {
            throw new BcError(429, "Application_TooManyRequests", "Too many requests reached. Actual ("
                    + (options.speedLimitRequests() + 1) + "). Maximum (" + options.speedLimitRequests() + ").",
                    Map.of("Retry-After", throttle.retryAfterSeconds()));
        }
        BcError injected = faults.next(uri, throttle.retryAfterSeconds());
        if (injected != null) {
            throw injected;
        }
        Map<String, String> query = parseQuery(rawQuery);
        String apiRoot = baseUrl + "/v2.0/" + tenant + "/" + environment + "/api/v2.0";
        return throttle.acquire(user).then(Mono.defer(() -> {
            Duration latency = faults.latency();
            Mono<Reply> work = Mono.defer(() -> dispatch(method, relative, rawQuery, query, headers, body, apiRoot, env, user));
            if (!latency.isZero()) {
                work = Mono.delay(latency).then(work);
            }
            return work.doFinally(signal -> throttle.release(user));
        }));
    }

    private Mono<Reply> dispatch(String method, String relative, String rawQuery, Map<String, String> query,
                                 Map<String, String> headers, String bodyText, String apiRoot, EnvironmentData env,
                                 String user) {
        JsonNode body = parseBody(bodyText);
        if (relative.equals("$batch")) {
            if (!method.equals("POST")) {
                throw new BcError(405, "BadRequest_MethodNotAllowed", "Use POST for $batch.");
            }
            return Mono.just(batch(headers, body, apiRoot, env, user));
        }
        List<Change> changes = new ArrayList<>();
        ApiRequest request = new ApiRequest(method, relative, rawQuery, query, headers, body, apiRoot, env, changes, user);
        if (!request.segments.isEmpty() && request.segments.get(0).name().equals("subscriptions")) {
            return subscriptions.handle(request);
        }
        Reply reply;
        synchronized (state) {
            reply = api.handle(request);
        }
        subscriptions.onChanges(changes);
        return Mono.just(reply);
    }

    private static JsonNode parseBody(String bodyText) {
        if (bodyText == null || bodyText.isBlank()) {
            return null;
        }
        try {
            return Json.parse(bodyText);
        } catch (RuntimeException e) {
            throw BcError.badRequest("The request body is not valid JSON.");
        }
    }

    /**
     * JSON {@code $batch} (Microsoft Learn: use-odata-batch): up to 100 operations, inner URLs relative to api/v2.0/. With
     * {@code Isolation: snapshot} the batch is one transaction: any failed operation rolls back all of its writes,
     * while the earlier operations' answers still show 2xx, as in BC.
     */
    private Reply batch(Map<String, String> headers, JsonNode body, String apiRoot, EnvironmentData env, String user) {
        JsonNode requests = body == null ? null : body.get("requests");
        if (requests == null || !requests.isArray()) {
            throw BcError.badRequest("The batch request body must contain a 'requests' array.");
        }
        if (requests.size() > options.maxBatchOperations()) {
            throw BcError.badRequest("The batch request contains " + requests.size() + " operations; the maximum is "
                    + options.maxBatchOperations() + ".");
        }
        boolean snapshotIsolation = "snapshot".equalsIgnoreCase(headers.getOrDefault("isolation", ""));
        List<Change> committed = new ArrayList<>();
        ObjectNode out = Json.object();
        ArrayNode responses = out.putArray("responses");
        synchronized (state) {
            Map<UUID, CompanyData> snapshot = snapshotIsolation ? env.snapshot() : null;
            boolean failed = false;
            for (JsonNode inner : requests) {
                String url = Json.text(inner, "url");
                url = url == null ? "" : url;
                int apiAt = url.indexOf("/api/v2.0/");
                if (apiAt >= 0) {
                    url = url.substring(apiAt + "/api/v2.0/".length());
                }
                int q = url.indexOf('?');
                String rel = URI.create("http://x/" + (q < 0 ? url : url.substring(0, q)).replace("'", "%27")).getPath().substring(1);
                String rawQuery = q < 0 ? "" : url.substring(q + 1);
                Map<String, String> innerHeaders = new LinkedHashMap<>();
                JsonNode h = inner.get("headers");
                if (h != null) {
                    h.properties().forEach(e -> innerHeaders.put(e.getKey().toLowerCase(), Json.text(e.getValue())));
                }
                String method = String.valueOf(Json.text(inner, "method")).toUpperCase();
                JsonNode innerBody = inner.get("body");
                List<Change> changes = new ArrayList<>();
                Reply reply;
                if (rel.startsWith("subscriptions") || rel.startsWith("$batch")) {
                    reply = Reply.error(BcError.badRequest("This operation is not supported inside a $batch request."));
                } else {
                    try {
                        ApiRequest request = new ApiRequest(method, rel, rawQuery, parseQuery(rawQuery), innerHeaders,
                                innerBody, apiRoot, env, changes, user);
                        reply = api.handle(request);
                    } catch (BcError e) {
                        reply = Reply.error(e);
                    }
                }
                failed |= reply.status() >= 400;
                committed.addAll(changes);
                ObjectNode response = responses.addObject();
                response.put("id", Json.text(inner, "id"));
                response.put("status", reply.status());
                ObjectNode responseHeaders = response.putObject("headers");
                reply.headers().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), v));
                if (!reply.body().isEmpty()) {
                    response.set("body", Json.parse(reply.body()));
                }
            }
            if (snapshotIsolation && failed) {
                env.restore(snapshot);
                committed.clear();
            }
        }
        subscriptions.onChanges(committed);
        return Reply.json(200, out);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    private static String decode(String s) {
        // OData clients encode spaces as %20; a literal '+' inside a value must survive.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- Java API for tests

    /** The only (or first) company of the first environment: Harbor Ridge Builders with the demo data. */
    public SandboxCompany company() {
        synchronized (state) {
            EnvironmentData env = state.environments.values().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no environment loaded"));
            UUID id = env.companies.keySet().stream().findFirst().orElseThrow();
            return new SandboxCompany(this, env, id);
        }
    }

    /**
     * Registers an Entra ID app (client credentials) in a tenant, replacing one with the same client id: how a
     * local run lets a customer's own app registration sign in to a copy of its data.
     */
    public void registerApp(String tenantId, String clientId, String clientSecret) {
        synchronized (state) {
            state.apps.removeIf(a -> a.tenantId().equalsIgnoreCase(tenantId) && a.clientId().equals(clientId));
            state.apps.add(new DataLoader.App(tenantId, clientId, clientSecret));
        }
    }

    public SandboxCompany company(String tenantId, String environment, UUID companyId) {
        synchronized (state) {
            EnvironmentData env = state.environment(tenantId, environment, false);
            if (env == null || !env.companies.containsKey(companyId)) {
                throw new IllegalArgumentException("no such company " + tenantId + "/" + environment + "/" + companyId);
            }
            return new SandboxCompany(this, env, companyId);
        }
    }

    Object lock() {
        return state;
    }

    void notifyChanges(List<Change> changes) {
        subscriptions.onChanges(changes);
    }

    /** The next {@code count} API requests fail with {@code status} (429/500/502/503/504/408 get BC-like bodies). */
    public void failNext(int count, int status) {
        failNext(count, status, path -> true);
    }

    /** As {@link #failNext(int, int)}, only for requests whose path and query match. */
    public void failNext(int count, int status, Predicate<String> pathAndQuery) {
        faults.failNext(count, status, pathAndQuery);
    }

    /** Delay added to every API request while it holds a processing slot. */
    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /** Clears scripted failures and latency, and releases every hold (armed or holding). */
    public void clearFaults() {
        faults.clear();
        releaseHolds();
    }

    /**
     * Holds the next request whose {@code "METHOD /path?query"} (as sent, e.g.
     * {@code "POST /v2.0/{tenant}/{env}/api/v2.0/companies(…)/purchaseInvoices"}) matches, at {@code point}: before
     * the sandbox does anything with it, or after it processed and committed it but before answering. Token requests
     * are held too when they match. Use the handle to wait until the request is caught and to release it; one hold
     * catches one request.
     */
    public HeldRequest holdNext(Predicate<String> methodAndPath, HoldPoint point) {
        HeldRequest hold = new HeldRequest(methodAndPath, point);
        synchronized (holds) {
            holds.add(hold);
        }
        return hold;
    }

    private void releaseHolds() {
        List<HeldRequest> armed;
        synchronized (holds) {
            armed = new ArrayList<>(holds);
            holds.clear();
        }
        armed.forEach(HeldRequest::release);
    }

    /** Every token issued so far stops working now (the next API call gets 401). */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    public int tokensIssued() {
        return tokens.issuedCount();
    }

    public List<RequestLogEntry> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    /** API requests (token requests excluded) logged since the last {@link #clearRequestLog()}. */
    public long apiCallCount() {
        return requestLog().stream().filter(RequestLogEntry::isApiCall).count();
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    /** The most requests one user ever had in flight at once (processing + queued) since the last reset. */
    public int maxConcurrentRequestsSeen() {
        return throttle.maxInFlightSeen();
    }

    /** Resets the concurrency high-water mark and the speed-limit windows. */
    public void resetThrottleStats() {
        throttle.resetStats();
    }

    /** All webhook subscriptions of all environments, as the API renders them. */
    public List<JsonNode> subscriptions() {
        synchronized (state) {
            List<JsonNode> all = new ArrayList<>();
            for (EnvironmentData env : state.environments.values()) {
                subscriptions.purgeExpired(env);
                env.subscriptions.values().forEach(s -> {
                    ObjectNode copy = s.deepCopy();
                    copy.remove(copy.propertyNames().stream().filter(n -> n.startsWith("_")).toList());
                    all.add(copy);
                });
            }
            return all;
        }
    }

    /** Deletes a subscription "on BC's side" (as BC does after failed deliveries or an admin clean-up). */
    public boolean deleteSubscriptionOnBcSide(String subscriptionId) {
        synchronized (state) {
            boolean removed = false;
            for (EnvironmentData env : state.environments.values()) {
                removed |= env.subscriptions.remove(subscriptionId) != null;
            }
            return removed;
        }
    }

    public List<NotificationDelivery> notificationDeliveries() {
        return subscriptions.deliveries();
    }

    ApiHandler api() {
        return api;
    }
}
