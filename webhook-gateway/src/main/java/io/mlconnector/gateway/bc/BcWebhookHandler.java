package io.mlconnector.gateway.bc;

import io.mlconnector.gateway.http.BoundedBody;
import io.mlconnector.gateway.http.RejectedDeliveryException;
import io.mlconnector.gateway.http.Rejection;
import io.mlconnector.gateway.http.WebhookResponses;
import io.mlconnector.gateway.metrics.GatewayMetrics;
import io.mlconnector.gateway.publish.EventPublisher;
import io.mlconnector.schemas.Topics;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/bc/{tenantId}}: the subscription handshake and the notifications.
 *
 * <p>What BC does with our answer decides whether a subscription survives (bc-api.md §5.5): 2xx is success;
 * 408, 429 and 5xx are retried; <b>any other status deletes the subscription</b>. So a notification is answered 200
 * even when it is unreadable or its clientState is wrong (counted, logged without the clientState, not published),
 * and 503 only when Kafka is down, so BC tries again later.
 */
public final class BcWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(BcWebhookHandler.class);
    private static final String SOURCE = "bc";
    private static final String VALIDATION_TOKEN = "validationToken";

    private final TenantRegistry tenants;
    private final BcNotificationReader reader = new BcNotificationReader();
    private final EventPublisher publisher;
    private final GatewayMetrics metrics;
    private final long maxBodyBytes;
    private final int maxValidationTokenLength;
    private final Clock clock;

    public BcWebhookHandler(TenantRegistry tenants, EventPublisher publisher, GatewayMetrics metrics, long maxBodyBytes,
                            int maxValidationTokenLength, Clock clock) {
        this.tenants = tenants;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.maxValidationTokenLength = maxValidationTokenLength;
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
            return BoundedBody.read(request, maxBodyBytes).onErrorResume(e -> Mono.just(new byte[0]))
                    .then(Mono.defer(() -> ignored("unknown_tenant")));
        }
        return BoundedBody.read(request, maxBodyBytes)
                .flatMap(body -> publishAll(tenant.get(), body))
                .onErrorResume(RejectedDeliveryException.class, e -> e.rejection() == Rejection.UNAVAILABLE
                        ? unavailable(tenant.get(), e)
                        : ignored(e.rejection().code()));
    }

    /**
     * On create and on every renewal BC calls with {@code ?validationToken=} and wants it back as the plain-text body
     * within 5 s (bc-api.md §5.2). Unknown tenant: refuse, so no subscription is created for it.
     */
    private Mono<ServerResponse> handshake(Optional<Tenant> tenant, String token) {
        if (tenant.isEmpty() || token.isEmpty() || token.length() > maxValidationTokenLength) {
            metrics.delivery(SOURCE, "rejected", tenant.isEmpty() ? "unknown_tenant" : "bad_validation_token");
            return ServerResponse.status(tenant.isEmpty() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST).build();
        }
        metrics.delivery(SOURCE, "accepted", "handshake");
        log.info("Answered BC subscription validation for tenant {}", tenant.get().id());
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(token);
    }

    private Mono<ServerResponse> publishAll(Tenant tenant, byte[] body) {
        BcNotificationReader.Result result = reader.read(body, tenant, clock.instant());
        result.dropped().forEach(reason -> {
            metrics.delivery(SOURCE, "ignored", reason);
            log.warn("Dropped a BC notification entry for tenant {}: {}", tenant.id(), reason);
        });
        return Flux.fromIterable(result.accepted())
                .flatMap(entry -> publisher.publish(Topics.BC_WEBHOOK_EVENTS, entry.key(), entry.event()))
                .then(Mono.defer(() -> {
                    result.accepted().forEach(entry -> metrics.delivery(SOURCE, "accepted", "ok"));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", "ok");
                    answer.put("published", result.accepted().size());
                    answer.put("ignored", result.dropped().size());
                    return WebhookResponses.json(HttpStatus.OK, answer);
                }));
    }

    private Mono<ServerResponse> ignored(String reason) {
        metrics.delivery(SOURCE, "ignored", reason);
        log.warn("Ignored a BC notification: {}", reason);
        return WebhookResponses.json(HttpStatus.OK, Map.of("status", "ok", "published", 0, "ignored", 1));
    }

    /** BC retries 5xx (1 min, 10 min, 100 min ...); the entries already published are published again then. */
    private Mono<ServerResponse> unavailable(Tenant tenant, RejectedDeliveryException e) {
        metrics.delivery(SOURCE, "unavailable", e.rejection().code());
        log.warn("BC notification for tenant {} not accepted: {} ({})", tenant.id(), e.detail(),
                e.getCause() == null ? "" : e.getCause().toString());
        return WebhookResponses.rejected(Rejection.UNAVAILABLE, e.detail());
    }
}
