package io.mlconnector.gateway.bc;

import io.mlconnector.gateway.dedupe.DeliveryClaim;
import io.mlconnector.gateway.dedupe.DeliveryDedupeStore;
import io.mlconnector.gateway.http.BoundedBody;
import io.mlconnector.gateway.http.RejectedDeliveryException;
import io.mlconnector.gateway.http.Rejection;
import io.mlconnector.gateway.http.WebhookResponses;
import io.mlconnector.gateway.metrics.GatewayMetrics;
import io.mlconnector.gateway.publish.EventPublisher;
import io.mlconnector.schemas.Topics;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.gateway.subscription.KnownSubscriptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/bc/{tenantId}}: the subscription handshake and the notifications.
 *
 * <p>What BC does with our answer decides whether a subscription survives (Microsoft Learn, "Working with webhooks in Dynamics 365 Business Central"): 2xx is success;
 * 408, 429 and 5xx are retried; <b>any other status deletes the subscription</b>. So a notification is answered 200
 * even when it is unreadable or its clientState is wrong (counted, logged without the clientState, not published),
 * and 503 only when it cannot be judged or published now (Kafka or the dedupe store down, the subscription view
 * still loading), so BC tries again later.
 *
 * <p>Entries are published once within the dedupe window (BC re-sends the whole notification after a 5xx or a lost
 * answer); more valid entries than {@code maxEntries} are folded into one {@code collection} entry per subscription
 * ({@link OversizedNotification}).
 */
public final class BcWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(BcWebhookHandler.class);
    private static final String SOURCE = "bc";
    private static final String VALIDATION_TOKEN = "validationToken";
    private static final int PUBLISH_CONCURRENCY = 16;

    private final TenantRegistry tenants;
    private final KnownSubscriptions subscriptions;
    private final BcNotificationReader reader;
    private final DeliveryDedupeStore dedupe;
    private final EventPublisher publisher;
    private final GatewayMetrics metrics;
    private final long maxBodyBytes;
    private final int maxValidationTokenLength;
    private final int maxEntries;
    private final Clock clock;

    public BcWebhookHandler(TenantRegistry tenants, KnownSubscriptions subscriptions, DeliveryDedupeStore dedupe,
                            EventPublisher publisher, GatewayMetrics metrics, long maxBodyBytes,
                            int maxValidationTokenLength, int maxEntries, Clock clock) {
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.reader = new BcNotificationReader(subscriptions);
        this.dedupe = dedupe;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.maxValidationTokenLength = maxValidationTokenLength;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        String tenantId = request.pathVariable("tenantId");
        Optional<Tenant> tenant = Tenant.isValidId(tenantId) ? tenants.byId(tenantId) : Optional.empty();
        Optional<String> validationToken = request.queryParam(VALIDATION_TOKEN);
        if (validationToken.isPresent()) {
            return handshake(tenant, validationToken.get());
        }
        if (tenant.isEmpty()) {
            // 200, not 404: an operator's mistake in the tenants file must not make BC delete every subscription
            return drain(request).then(Mono.defer(() -> ignored("unknown_tenant")));
        }
        if (!isJson(request)) {
            // BC sends application/json; anything else is not BC's notification, but a 4xx could still cost a
            // subscription if it were: 200, counted, not published
            return drain(request).then(Mono.defer(() -> ignored("unsupported_media_type")));
        }
        return BoundedBody.read(request, maxBodyBytes)
                .flatMap(body -> publishAll(tenant.get(), body))
                .onErrorResume(RejectedDeliveryException.class, e -> e.rejection() == Rejection.UNAVAILABLE
                        ? unavailable(tenant.get(), e)
                        : ignored(e.rejection().code()));
    }

    /**
     * On create and on every renewal BC calls with {@code ?validationToken=} and wants it back as the plain-text body
     * within 5 s (same page). Unknown tenant: refuse, so no subscription is created for it.
     */
    private Mono<ServerResponse> handshake(Optional<Tenant> tenant, String token) {
        if (tenant.isEmpty() || token.isEmpty() || token.length() > maxValidationTokenLength) {
            metrics.delivery(SOURCE, "rejected", tenant.isEmpty() ? "unknown_tenant" : "bad_validation_token");
            return ServerResponse.status(tenant.isEmpty() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST).build();
        }
        metrics.delivery(SOURCE, "accepted", "handshake");
        log.info("Answered BC subscription validation for tenant {}", tenant.get().id());
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(token);
    }

    private Mono<ServerResponse> publishAll(Tenant tenant, byte[] body) {
        if (!subscriptions.ready()) {
            return Mono.error(new RejectedDeliveryException(Rejection.UNAVAILABLE,
                    "the gateway is still loading the known BC subscriptions; retry later"));
        }
        BcNotificationReader.Result result = reader.read(body, tenant, clock.instant());
        result.dropped().forEach(reason -> {
            metrics.delivery(SOURCE, "ignored", reason);
            log.warn("Dropped a BC notification entry for tenant {}: {}", tenant.id(), reason);
        });
        List<BcNotificationReader.Accepted> toPublish = result.accepted();
        boolean folded = toPublish.size() > maxEntries;
        if (folded) {
            toPublish = OversizedNotification.fold(toPublish, tenant, clock.instant());
            metrics.delivery(SOURCE, "folded", "over_max_entries");
            log.warn("BC notification for tenant {} had {} valid entries, more than {}: published as {} collection"
                    + " change(s) instead", tenant.id(), result.accepted().size(), maxEntries, toPublish.size());
        }
        AtomicInteger published = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        return Flux.fromIterable(toPublish)
                .flatMap(entry -> publishOnce(tenant, entry).doOnNext(fresh -> {
                    if (fresh) {
                        published.incrementAndGet();
                        metrics.delivery(SOURCE, "accepted", "ok");
                    } else {
                        duplicates.incrementAndGet();
                        metrics.delivery(SOURCE, "duplicate", "duplicate");
                    }
                }), PUBLISH_CONCURRENCY)
                .then(Mono.defer(() -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", "ok");
                    answer.put("published", published.get());
                    answer.put("duplicates", duplicates.get());
                    answer.put("ignored", result.dropped().size());
                    if (folded) {
                        answer.put("folded", result.accepted().size());
                    }
                    return WebhookResponses.json(HttpStatus.OK, answer);
                }));
    }

    /** True when published now, false when it was already published within the dedupe window. */
    private Mono<Boolean> publishOnce(Tenant tenant, BcNotificationReader.Accepted entry) {
        String deliveryId = deliveryId(entry);
        if (deliveryId == null) {
            // nothing tells two such entries apart (no modification time): publish; consumers are idempotent
            return publish(entry).thenReturn(true);
        }
        return storeCall(dedupe.claim(tenant.id(), deliveryId))
                .flatMap(claim -> switch (claim.outcome()) {
                    case DUPLICATE -> Mono.just(false);
                    case IN_FLIGHT -> Mono.error(new RejectedDeliveryException(Rejection.UNAVAILABLE,
                            "this notification is being processed; retry later"));
                    case CLAIMED -> publish(entry)
                            .onErrorResume(e -> dedupe.release(claim)
                                    .onErrorResume(releaseFailure -> Mono.empty()).then(Mono.error(e)))
                            .then(dedupe.markPublished(claim).onErrorResume(e -> {
                                log.warn("Published BC notification {} but could not record it: {}", claim.id(),
                                        e.toString());
                                return Mono.empty();
                            }))
                            .thenReturn(true);
                });
    }

    private Mono<Void> publish(BcNotificationReader.Accepted entry) {
        return publisher.publish(Topics.BC_WEBHOOK_EVENTS, entry.key(), entry.event());
    }

    /**
     * What makes an entry the same notification again: subscription, change, resource and BC's modification time.
     * Hashed, so the stored id is short and carries nothing from the body verbatim.
     */
    static String deliveryId(BcNotificationReader.Accepted entry) {
        if (entry.event().getLastModifiedDateTime() == null) {
            return null;
        }
        String identity = String.join("\n", entry.event().getSubscriptionId(), entry.event().getChangeType(),
                entry.event().getResource(), Long.toString(entry.event().getLastModifiedDateTime().toEpochMilli()));
        try {
            return "bc-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isJson(ServerRequest request) {
        try {
            MediaType type = request.headers().contentType().orElse(null);
            return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private Mono<Void> drain(ServerRequest request) {
        return BoundedBody.read(request, maxBodyBytes).onErrorResume(e -> Mono.just(new byte[0])).then();
    }

    private Mono<ServerResponse> ignored(String reason) {
        metrics.delivery(SOURCE, "ignored", reason);
        log.warn("Ignored a BC notification: {}", reason);
        return WebhookResponses.json(HttpStatus.OK, Map.of("status", "ok", "published", 0, "ignored", 1));
    }

    /** BC retries 5xx (1 min, 10 min, 100 min ...); entries already published are then recognised as duplicates. */
    private Mono<ServerResponse> unavailable(Tenant tenant, RejectedDeliveryException e) {
        metrics.delivery(SOURCE, "unavailable", e.rejection().code());
        log.warn("BC notification for tenant {} not accepted: {} ({})", tenant.id(), e.detail(),
                e.getCause() == null ? "" : e.getCause().toString());
        return WebhookResponses.rejected(Rejection.UNAVAILABLE, e.detail());
    }

    /** A dedupe store call (reactive driver: nothing blocks the event loop); any failure answers 503. */
    private static <T> Mono<T> storeCall(Mono<T> call) {
        return call
                .onErrorMap(e -> !(e instanceof RejectedDeliveryException),
                        e -> new RejectedDeliveryException(Rejection.UNAVAILABLE,
                                "dedupe store unavailable; retry later", e));
    }
}
