package io.mlconnector.bc;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A webhook subscription (environment level; string key). Renew before {@code expirationDateTime} (3 days). */
public record BcSubscription(String subscriptionId, String notificationUrl, String resource, String clientState,
                             Instant expirationDateTime, String etag) {

    static BcSubscription from(JsonNode n) {
        return new BcSubscription(BcJson.text(n, "subscriptionId"), BcJson.text(n, "notificationUrl"),
                BcJson.text(n, "resource"), BcJson.text(n, "clientState"), BcJson.instant(n, "expirationDateTime"),
                BcJson.etag(n));
    }
}
