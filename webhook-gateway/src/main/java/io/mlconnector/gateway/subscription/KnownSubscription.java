package io.mlconnector.gateway.subscription;

import io.mlconnector.schemas.BcNotificationResource;
import java.time.Instant;
import java.util.Optional;

/**
 * A BC webhook subscription as vendor-sync last reported it on {@code bc.webhook-subscriptions}.
 *
 * @param entitySet  the subscribed entity set (from the event, else parsed from the resource)
 * @param expiresAt  when BC drops it unless renewed; null = not reported
 */
public record KnownSubscription(String tenantId, String subscriptionId, String entitySet, String resource,
                                Instant expiresAt, boolean deleted) {

    /** Whether notifications for it may be accepted at {@code now}. */
    public boolean liveAt(Instant now) {
        return !deleted && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** The entity set, from the event or the subscribed resource. */
    public Optional<String> collection() {
        if (entitySet != null && !entitySet.isBlank()) {
            return Optional.of(entitySet);
        }
        return BcNotificationResource.parse(resource).map(BcNotificationResource::collection);
    }
}
