package io.mlconnector.gateway.subscription;

import io.mlconnector.events.BcSubscriptionState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's in-memory view of every tenant's BC subscriptions, built from the compacted
 * {@code bc.webhook-subscriptions} topic that vendor-sync (their owner) writes. The latest record per subscription
 * wins; nothing is read from vendor-sync's own collection. {@link #ready()} turns true once the topic was read up to
 * the end it had when the gateway started: until then a notification cannot be judged and BC is asked to retry.
 */
public final class KnownSubscriptions {

    private final Map<String, KnownSubscription> byId = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public void apply(BcSubscriptionState state) {
        KnownSubscription subscription = new KnownSubscription(state.getTenantId(), state.getSubscriptionId(),
                state.getEntitySet(), state.getResource(), state.getExpirationDateTime(), state.getDeleted());
        byId.put(key(subscription.tenantId(), subscription.subscriptionId()), subscription);
    }

    /** The subscription of that tenant with that id; another tenant's subscription is never found. */
    public Optional<KnownSubscription> find(String tenantId, String subscriptionId) {
        return Optional.ofNullable(byId.get(key(tenantId, subscriptionId)));
    }

    public int size() {
        return byId.size();
    }

    public boolean ready() {
        return ready;
    }

    public void markReady() {
        ready = true;
    }

    private static String key(String tenantId, String subscriptionId) {
        return tenantId + "|" + subscriptionId;
    }
}
