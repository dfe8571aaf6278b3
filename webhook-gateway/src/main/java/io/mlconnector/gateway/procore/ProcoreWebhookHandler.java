package io.mlconnector.gateway.procore;

import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.gateway.dedupe.DeliveryClaim;
import io.mlconnector.gateway.dedupe.DeliveryDedupeStore;
import io.mlconnector.gateway.http.BoundedBody;
import io.mlconnector.gateway.http.RejectedDeliveryException;
import io.mlconnector.gateway.http.Rejection;
import io.mlconnector.gateway.http.WebhookResponses;
import io.mlconnector.gateway.metrics.GatewayMetrics;
import io.mlconnector.gateway.publish.EventPublisher;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import io.mlconnector.tenant.Tenant;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/procore/{tenantId}}: authenticate, bound, validate, publish once, acknowledge.
 * Procore waits 5 s and pauses the whole URL on any non-2xx (Procore docs: webhooks), so a delivery is answered 202 only
 * after Kafka acknowledged it, 200 when it is a duplicate, 4xx for what a retry cannot fix and 503 when Kafka or the
 * dedupe store is down (Procore retries; nothing is lost).
 */
public final class ProcoreWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(ProcoreWebhookHandler.class);
    private static final String SOURCE = "procore";

    private final WebhookTokenCheck tokenCheck;
    private final ProcoreDeliveryParser parser = new ProcoreDeliveryParser();
    private final DeliveryDedupeStore dedupe;
    private final EventPublisher publisher;
    private final GatewayMetrics metrics;
    private final long maxBodyBytes;
    private final Clock clock;

    public ProcoreWebhookHandler(WebhookTokenCheck tokenCheck, DeliveryDedupeStore dedupe, EventPublisher publisher,
                                 GatewayMetrics metrics, long maxBodyBytes, Clock clock) {
        this.tokenCheck = tokenCheck;
        this.dedupe = dedupe;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        String tenantId = request.pathVariable("tenantId");
        return Mono.defer(() -> {
                    Tenant tenant = tokenCheck.authenticate(tenantId, request.headers().asHttpHeaders());
                    requireJson(request);
                    return BoundedBody.read(request, maxBodyBytes)
                            .map(body -> parser.parse(body, tenant.procore().companyId()))
                            .flatMap(delivery -> publishOnce(tenant, delivery));
                })
                .onErrorResume(RejectedDeliveryException.class, e -> refuse(tenantId, e));
    }

    private Mono<ServerResponse> publishOnce(Tenant tenant, ProcoreDelivery delivery) {
        return storeCall(dedupe.claim(tenant.id(), delivery.deliveryId()))
                .flatMap(claim -> switch (claim.outcome()) {
                    case CLAIMED -> publish(tenant, delivery, claim);
                    case DUPLICATE -> duplicate(delivery);
                    case IN_FLIGHT -> Mono.error(new RejectedDeliveryException(Rejection.UNAVAILABLE,
                            "this delivery is being processed; retry later"));
                });
    }

    private Mono<ServerResponse> publish(Tenant tenant, ProcoreDelivery delivery, DeliveryClaim claim) {
        String key = EventKeys.of(tenant.id(), delivery.resourceName(), delivery.resourceId());
        return publisher.publish(Topics.PROCORE_WEBHOOK_EVENTS, key, toEvent(tenant, delivery))
                .onErrorResume(e -> dedupe.release(claim)
                        .onErrorResume(releaseFailure -> Mono.empty()).then(Mono.error(e)))
                .then(dedupe.markPublished(claim).onErrorResume(e -> {
                    // the event is in Kafka; at worst a redelivery after the claim timeout publishes it again
                    log.warn("Published delivery {} but could not record it: {}", claim.id(), e.toString());
                    return Mono.empty();
                }))
                .then(Mono.defer(() -> {
                    metrics.delivery(SOURCE, "accepted", "ok");
                    return WebhookResponses.json(HttpStatus.ACCEPTED,
                            Map.of("status", "accepted", "deliveryId", delivery.deliveryId()));
                }));
    }

    private Mono<ServerResponse> duplicate(ProcoreDelivery delivery) {
        metrics.delivery(SOURCE, "duplicate", "duplicate");
        return WebhookResponses.json(HttpStatus.OK, Map.of("status", "duplicate", "deliveryId", delivery.deliveryId()));
    }

    private Mono<ServerResponse> refuse(String tenantId, RejectedDeliveryException e) {
        Rejection rejection = e.rejection();
        boolean unavailable = rejection == Rejection.UNAVAILABLE;
        metrics.delivery(SOURCE, unavailable ? "unavailable" : "rejected", rejection.code());
        if (unavailable) {
            log.warn("Procore delivery for tenant {} not accepted: {} ({})", safe(tenantId), e.detail(),
                    e.getCause() == null ? "" : e.getCause().toString());
        } else {
            log.info("Procore delivery for tenant {} rejected: {} - {}", safe(tenantId), rejection.code(), e.detail());
        }
        return WebhookResponses.rejected(rejection, e.detail());
    }

    private static void requireJson(ServerRequest request) {
        MediaType type;
        try {
            type = request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype())) {
            throw new RejectedDeliveryException(Rejection.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
    }

    private ProcoreWebhookEvent toEvent(Tenant tenant, ProcoreDelivery delivery) {
        return ProcoreWebhookEvent.newBuilder()
                .setTenantId(tenant.id())
                .setDeliveryId(delivery.deliveryId())
                .setResourceName(delivery.resourceName())
                .setResourceId(delivery.resourceId())
                .setEventType(delivery.eventType())
                .setCompanyId(delivery.companyId())
                .setProjectId(delivery.projectId())
                .setSourceApplicationId(delivery.sourceApplicationId())
                .setOccurredAt(delivery.occurredAt())
                .setObservedAt(clock.instant())
                .build();
    }

    /** A dedupe store call (reactive driver: nothing blocks the event loop); any failure answers 503. */
    private static <T> Mono<T> storeCall(Mono<T> call) {
        return call
                .onErrorMap(e -> !(e instanceof RejectedDeliveryException),
                        e -> new RejectedDeliveryException(Rejection.UNAVAILABLE,
                                "dedupe store unavailable; retry later", e));
    }

    /** Tenant ids from the URL are attacker-chosen: log only well-formed ones. */
    static String safe(String tenantId) {
        return Tenant.isValidId(tenantId) ? tenantId : "<invalid id>";
    }
}
