package io.mlconnector.vendorsync.subscription;

import io.mlconnector.bc.BcSubscription;
import java.time.Instant;

/** A BC webhook subscription as vendor-sync last saw it (BC's clientState is a secret and is not stored). */
public record StoredSubscription(String tenantId, String entitySet, String subscriptionId, String notificationUrl,
                                 String resource, Instant expirationDateTime, String etag, Instant createdAt,
                                 Instant renewedAt) {

    /** For renewal: BC's view of it, without the clientState (the PATCH body does not need it). */
    BcSubscription toBc() {
        return new BcSubscription(subscriptionId, notificationUrl, resource, null, expirationDateTime, etag);
    }
}
