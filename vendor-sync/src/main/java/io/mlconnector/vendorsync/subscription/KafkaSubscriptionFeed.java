package io.mlconnector.vendorsync.subscription;

import io.mlconnector.events.BcSubscriptionState;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a subscription's state to the compacted {@code bc.webhook-subscriptions} topic, key
 * {@code tenantId|subscription|subscriptionId}: the latest record per subscription is what the webhook-gateway
 * believes. Never carries the clientState. Waits for the acknowledgement so a failure is seen (and logged) at once.
 */
public final class KafkaSubscriptionFeed implements SubscriptionFeed {

    private final KafkaTemplate<String, BcSubscriptionState> kafka;
    private final Clock clock;

    public KafkaSubscriptionFeed(KafkaTemplate<String, BcSubscriptionState> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void publish(StoredSubscription subscription, boolean deleted) {
        BcSubscriptionState state = BcSubscriptionState.newBuilder()
                .setTenantId(subscription.tenantId())
                .setSubscriptionId(subscription.subscriptionId())
                .setEntitySet(subscription.entitySet())
                .setResource(subscription.resource() == null ? "" : subscription.resource())
                .setExpirationDateTime(subscription.expirationDateTime())
                .setDeleted(deleted)
                .setObservedAt(clock.instant())
                .build();
        try {
            kafka.send(Topics.BC_WEBHOOK_SUBSCRIPTIONS,
                    EventKeys.of(subscription.tenantId(), "subscription", subscription.subscriptionId()), state)
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing subscription state", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish the state of subscription "
                    + subscription.subscriptionId(), e);
        }
    }
}
