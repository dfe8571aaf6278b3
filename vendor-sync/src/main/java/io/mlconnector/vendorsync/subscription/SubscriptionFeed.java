package io.mlconnector.vendorsync.subscription;

import reactor.core.publisher.Mono;

/**
 * Where each subscription's state goes after every check, so the webhook-gateway knows which BC notifications to
 * accept without reading this service's collection: {@link KafkaSubscriptionFeed} in the service.
 */
public interface SubscriptionFeed {

    /** For runs without a gateway to tell (tests of the keeper alone). */
    SubscriptionFeed NONE = (subscription, deleted) -> Mono.empty();

    /** Must fail when the state could not be handed on; the keeper logs it and the next check sends it again. */
    Mono<Void> publish(StoredSubscription subscription, boolean deleted);
}
