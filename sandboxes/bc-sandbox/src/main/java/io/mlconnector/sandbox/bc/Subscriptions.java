package io.mlconnector.sandbox.bc;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook subscriptions (dynamics-subscriptions): environment-level {@code subscriptions('id')} with the validation handshake
 * on create and renew, 3-day expiry, and notification delivery with BC's retry/delete rules
 * (408/429/5xx/no answer = retry later; other non-2xx = delete; more than N failed attempts = delete).
 */
final class Subscriptions {

    /** Entity sets with webhook support that the sandbox serves (Microsoft Learn: dynamics-subscriptions). */
    static final List<String> WEBHOOK_SETS = List.of("vendors", "accounts", "dimensions", "purchaseInvoices", "journals",
            "generalLedgerEntries");

    private static final Pattern RESOURCE = Pattern.compile("api/v2\\.0/companies\\(([0-9a-fA-F-]{36})\\)/([A-Za-z]+)/?$");

    private final Object lock;
    private final BcSandboxOptions options;
    private final HttpClient http;
    private final Map<String, Map<UUID, Change>> pending = new LinkedHashMap<>(); // env key + subscription id
    private final List<NotificationDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final SandboxState state;
    private boolean flushScheduled;
    private volatile boolean closed;

    Subscriptions(Object lock, SandboxState state, BcSandboxOptions options) {
        this.lock = lock;
        this.state = state;
        this.options = options;
        this.http = HttpClient.create().responseTimeout(options.notificationTimeout());
    }

    void close() {
        closed = true;
    }

    // ---------------------------------------------------------------- API

    Mono<Reply> handle(ApiRequest r) {
        if (r.segments.size() != 1) {
            return Mono.just(Reply.error(ApiHandler.resourceNotFound(r)));
        }
        String key = r.segments.get(0).key();
        try {
            if (key == null) {
                ApiHandler.requireMethod(r, "subscriptions", "GET", "POST");
                if (r.method.equals("GET")) {
                    synchronized (lock) {
                        purgeExpired(r.env);
                        ObjectNode out = Json.object();
                        out.put("@odata.context", r.apiRoot + "/$metadata#subscriptions");
                        ArrayNode value = out.putArray("value");
                        r.env.subscriptions.values().forEach(s -> value.add(render(s)));
                        return Mono.just(Reply.json(200, out));
                    }
                }
                return create(r);
            }
            if (!key.startsWith("'") || !key.endsWith("'")) {
                // subscriptionId is a string key: BC wants it quoted, subscriptions('id') (dynamics-subscriptions)
                throw new BcError(400, "BadRequest_NotFound", "Bad Request - Error in query syntax.");
            }
            String id = key.substring(1, key.length() - 1);
            ApiHandler.requireMethod(r, "subscriptions", "GET", "PATCH", "DELETE");
            ObjectNode sub;
            synchronized (lock) {
                purgeExpired(r.env);
                sub = r.env.subscriptions.get(id);
                if (sub == null) {
                    throw new BcError(404, "BadRequest_NotFound", "The subscription '" + id + "' does not exist.");
                }
                if (r.method.equals("GET")) {
                    return Mono.just(Reply.json(200, render(sub)));
                }
                ApiHandler.checkIfMatch(r, sub);
                if (r.method.equals("DELETE")) {
                    r.env.subscriptions.remove(id);
                    return Mono.just(Reply.noContent());
                }
            }
            return renew(r, sub);
        } catch (BcError e) {
            return Mono.just(Reply.error(e));
        }
    }

    private Mono<Reply> create(ApiRequest r) {
        JsonNode body = ApiHandler.requireBody(r);
        ObjectNode sub = EntityTypes.of("subscriptions").blank();
        EntityTypes.of("subscriptions").apply(sub, body, true, List.of());
        synchronized (lock) {
            purgeExpired(r.env);
            validate(r.env, sub);
            if (r.env.subscriptions.size() >= options.maxSubscriptions()) {
                throw BcError.dialog("The maximum number of subscriptions (" + options.maxSubscriptions() + ") is reached.");
            }
        }
        return handshake(sub.get("notificationUrl").stringValue()).map(ok -> {
            if (!ok) {
                return Reply.error(handshakeFailed());
            }
            synchronized (lock) {
                Instant now = options.clock().instant();
                String id = HexFormat.of().formatHex(uuidBytes());
                sub.put("subscriptionId", id);
                sub.put("userId", UUID.nameUUIDFromBytes(r.user.getBytes(StandardCharsets.UTF_8)).toString());
                sub.put("timestamp", (int) (now.getEpochSecond() % Integer.MAX_VALUE));
                sub.put("systemCreatedAt", now.toString());
                stamp(sub, now);
                r.env.subscriptions.put(id, sub);
                return Reply.json(201, render(sub));
            }
        });
    }

    private Mono<Reply> renew(ApiRequest r, ObjectNode current) {
        ObjectNode changed = current.deepCopy();
        EntityTypes.of("subscriptions").apply(changed, ApiHandler.requireBody(r), false, List.of());
        synchronized (lock) {
            validate(r.env, changed);
        }
        return handshake(changed.get("notificationUrl").stringValue()).map(ok -> {
            if (!ok) {
                return Reply.error(handshakeFailed());
            }
            synchronized (lock) {
                String id = current.get("subscriptionId").stringValue();
                if (!r.env.subscriptions.containsKey(id)) {
                    return Reply.error(new BcError(404, "BadRequest_NotFound", "The subscription '" + id + "' does not exist."));
                }
                stamp(changed, options.clock().instant());
                r.env.subscriptions.put(id, changed);
                return Reply.json(200, render(changed));
            }
        });
    }

    private static BcError handshakeFailed() {
        // Nothing is created or renewed when the handshake fails (dynamics-subscriptions); exact code/text UNCONFIRMED.
        return new BcError(400, "BadRequest", "The subscription could not be created or renewed: the notification URL"
                + " did not answer the validation request with 200 and the validation token within the timeout.");
    }

    private void stamp(ObjectNode sub, Instant now) {
        sub.put("lastModifiedDateTime", now.toString());
        sub.put("systemModifiedAt", now.toString());
        sub.put("expirationDateTime", now.plus(options.subscriptionLifetime()).toString());
        Etags.touch(sub);
    }

    private static void validate(EnvironmentData env, ObjectNode sub) {
        String url = sub.get("notificationUrl").stringValue();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw BcError.badRequest("The notificationUrl must be an absolute http(s) URL.");
        }
        Matcher m = RESOURCE.matcher(sub.get("resource").stringValue());
        if (!m.find()) {
            throw BcError.badRequest("The resource '" + sub.get("resource").stringValue() + "' is not a valid"
                    + " api/v2.0/companies({id})/{entitySet} URL.");
        }
        if (!env.companies.containsKey(UUID.fromString(m.group(1)))) {
            throw new BcError(404, "Internal_CompanyNotFound", "The company does not exist.");
        }
        if (!WEBHOOK_SETS.contains(m.group(2))) {
            throw BcError.badRequest("The entity set '" + m.group(2) + "' does not support webhook subscriptions.");
        }
        sub.put("_companyId", m.group(1).toLowerCase());
        sub.put("_set", m.group(2));
    }

    private static ObjectNode render(ObjectNode sub) {
        ObjectNode out = sub.deepCopy();
        out.remove(out.propertyNames().stream().filter(n -> n.startsWith("_")).toList());
        return out;
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    /** POST notificationUrl?validationToken=… ; the receiver must answer 200 with the token as body within the timeout. */
    Mono<Boolean> handshake(String notificationUrl) {
        String token = UUID.randomUUID().toString();
        String url = notificationUrl + (notificationUrl.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return http.responseTimeout(options.handshakeTimeout())
                .post().uri(url)
                .send(ByteBufFlux.fromString(Mono.just("")))
                .responseSingle((res, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> res.status().code() == 200 && text.trim().equals(token)))
                .timeout(options.handshakeTimeout())
                .onErrorReturn(false);
    }

    void purgeExpired(EnvironmentData env) {
        Instant now = options.clock().instant();
        env.subscriptions.values().removeIf(s -> !now.isBefore(Instant.parse(s.get("expirationDateTime").stringValue())));
    }

    // ---------------------------------------------------------------- notifications (dynamics-subscriptions)

    /** Called with the changes of a committed request (never with those of a rolled-back one). */
    void onChanges(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (Change change : changes) {
                EnvironmentData env = state.environment(change.tenantId(), change.environment(), false);
                if (env == null) {
                    continue;
                }
                for (ObjectNode sub : env.subscriptions.values()) {
                    if (change.companyId().toString().equals(Json.text(sub, "_companyId"))
                            && change.set().equals(Json.text(sub, "_set"))) {
                        Map<UUID, Change> perEntity = pending.computeIfAbsent(
                                envKey(env) + "|" + sub.get("subscriptionId").stringValue(), k -> new LinkedHashMap<>());
                        perEntity.merge(change.entityId(), change, Subscriptions::merge);
                    }
                }
            }
            if (!pending.isEmpty() && !flushScheduled) {
                flushScheduled = true;
                Mono.delay(options.notificationDelay()).subscribe(x -> flush());
            }
        }
    }

    /** Repeated updates merge; created stays created; a delete wins. */
    private static Change merge(Change first, Change later) {
        String type = later.changeType().equals("deleted") ? "deleted"
                : first.changeType().equals("created") ? "created" : later.changeType();
        return new Change(later.tenantId(), later.environment(), later.companyId(), later.set(), later.entityId(), type,
                later.at());
    }

    private record SubscriptionRef(EnvironmentData env, String subscriptionId) {
    }

    private void flush() {
        Map<String, ArrayNode> payloads = new LinkedHashMap<>();
        Map<String, List<SubscriptionRef>> refs = new LinkedHashMap<>();
        synchronized (lock) {
            flushScheduled = false;
            if (closed) {
                return;
            }
            for (Map.Entry<String, Map<UUID, Change>> e : pending.entrySet()) {
                String[] parts = e.getKey().split("\\|");
                EnvironmentData env = state.environments.get(parts[0]);
                if (env == null) {
                    continue;
                }
                purgeExpired(env);
                ObjectNode sub = env.subscriptions.get(parts[1]);
                if (sub == null) {
                    continue;
                }
                String url = sub.get("notificationUrl").stringValue();
                ArrayNode value = payloads.computeIfAbsent(url, u -> Json.array());
                refs.computeIfAbsent(url, u -> new ArrayList<>()).add(new SubscriptionRef(env, parts[1]));
                List<Change> changes = new ArrayList<>(e.getValue().values());
                String base = "api/v2.0/companies(" + sub.get("_companyId").stringValue() + ")/" + sub.get("_set").stringValue();
                if (changes.size() > options.collectionThreshold()) {
                    Instant first = changes.stream().map(Change::at).min(Instant::compareTo).orElseThrow();
                    Instant last = changes.stream().map(Change::at).max(Instant::compareTo).orElseThrow();
                    value.add(entry(sub, base + "?$filter=lastModifiedDateTime%20gt%20" + first.minusMillis(50),
                            "collection", last));
                } else {
                    for (Change c : changes) {
                        value.add(entry(sub, base + "(" + c.entityId() + ")", c.changeType(), c.at()));
                    }
                }
            }
            pending.clear();
        }
        payloads.forEach((url, value) -> {
            ObjectNode body = Json.object();
            body.set("value", value);
            deliver(url, Json.write(body), refs.get(url), 0);
        });
    }

    private static ObjectNode entry(ObjectNode sub, String resource, String changeType, Instant at) {
        ObjectNode entry = Json.object();
        entry.put("subscriptionId", sub.get("subscriptionId").stringValue());
        entry.put("clientState", sub.get("clientState").stringValue());
        entry.put("expirationDateTime", sub.get("expirationDateTime").stringValue());
        entry.put("resource", resource);
        entry.put("changeType", changeType);
        entry.put("lastModifiedDateTime", at.toString());
        return entry;
    }

    private void deliver(String url, String payload, List<SubscriptionRef> subs, int failures) {
        if (closed) {
            return;
        }
        http.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                .post().uri(url)
                .send(ByteBufFlux.fromString(Mono.just(payload)))
                .responseSingle((res, body) -> body.then(Mono.just(res.status().code())))
                .timeout(options.notificationTimeout())
                .onErrorReturn(-1)
                .subscribe(status -> afterDelivery(url, payload, subs, failures, status));
    }

    private void afterDelivery(String url, String payload, List<SubscriptionRef> subs, int failures, int status) {
        deliveries.add(new NotificationDelivery(options.clock().instant(), url, payload, status));
        if (status / 100 == 2) {
            return;
        }
        boolean retry = status == -1 || status == 408 || status == 429 || status >= 500;
        int failed = failures + 1;
        if (!retry || failed > options.maxFailedNotificationAttempts()) {
            synchronized (lock) {
                subs.forEach(ref -> ref.env().subscriptions.remove(ref.subscriptionId()));
            }
            return;
        }
        List<Duration> delays = options.notificationRetryDelays();
        Duration delay = delays.isEmpty() ? Duration.ZERO : delays.get(Math.min(failures, delays.size() - 1));
        Mono.delay(delay).subscribe(x -> deliver(url, payload, subs, failed));
    }

    List<NotificationDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    private static String envKey(EnvironmentData env) {
        return env.tenantId + "/" + env.name;
    }
}
