package io.mlconnector.vendorsync.subscription;

import io.mlconnector.events.BcSubscriptionState;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import io.mlconnector.vendorsync.KafkaSends;
import java.time.Clock;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes a subscription's state to the compacted {@code bc.webhook-subscriptions} topic, key
 * {@code tenantId|subscription|subscriptionId}: the latest record per subscription is what the webhook-gateway
 * believes. Never carries the clientState. Completes on the acknowledgement so a failure is seen (and logged) at once.
 */
public final class KafkaSubscriptionFeed implements SubscriptionFeed {

    private final KafkaTemplate<String, BcSubscriptionState> kafka;
    private final Clock clock;
    private final KafkaSends sends;

    public KafkaSubscriptionFeed(KafkaTemplate<String, BcSubscriptionState> kafka, Clock clock, KafkaSends sends) {
        this.kafka = kafka;
        this.clock = clock;
        this.sends = sends;
    }

    @Override
    public Mono<Void> publish(StoredSubscription subscription, boolean deleted) {
        BcSubscriptionState state = BcSubscriptionState.newBuilder()
                .setTenantId(subscription.tenantId())
                .setSubscriptionId(subscription.subscriptionId())
                .setEntitySet(subscription.entitySet())
                .setResource(subscription.resource() == null ? "" : subscription.resource())
                .setExpirationDateTime(subscription.expirationDateTime())
                .setDeleted(deleted)
                .setObservedAt(clock.instant())
                .build();
        return sends.send(kafka, Topics.BC_WEBHOOK_SUBSCRIPTIONS,
                EventKeys.of(subscription.tenantId(), "subscription", subscription.subscriptionId()), state,
                "the state of subscription " + subscription.subscriptionId());
    }
}
