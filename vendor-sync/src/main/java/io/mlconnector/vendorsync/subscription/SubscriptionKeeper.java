package io.mlconnector.vendorsync.subscription;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcSubscription;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one BC webhook subscription per (tenant, entity set) alive (dynamics-subscriptions): BC drops a subscription
 * 3 days after its creation or last renewal, and also deletes it after failed deliveries. Each check:
 * <ol>
 *   <li>lists the environment's subscriptions (one GET);</li>
 *   <li>missing from BC (expired, deleted, never made) → create (re-create if we had one);</li>
 *   <li>found but pointing elsewhere (the gateway URL changed) → renew with the new URL;</li>
 *   <li>expiring within {@code renewBefore} → renew (PATCH + If-Match, which re-runs the handshake); a 404
 *       means BC dropped it between our list and our PATCH → create.</li>
 * </ol>
 * Run hourly with renewBefore = 2 days, a subscription is renewed about a day before expiry and a lost one is
 * back within the hour. The notification URL carries the tenant and clientState the tenant's secret, which
 * the gateway checks.
 */
public final class SubscriptionKeeper {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionKeeper.class);

    public enum Action { CREATED, RECREATED, ADOPTED, RENEWED, KEPT, FAILED }

    public record Outcome(String tenantId, String entitySet, Action action, String subscriptionId,
                          Instant expirationDateTime) {
    }

    private final BcClients bcClients;
    private final SubscriptionStore store;
    private final NotificationUrls urls;
    private final List<String> entitySets;
    private final Duration renewBefore;
    private final VendorSyncMetrics metrics;
    private final Clock clock;
    private final SubscriptionFeed feed;

    public SubscriptionKeeper(BcClients bcClients, SubscriptionStore store, NotificationUrls urls,
                              List<String> entitySets, Duration renewBefore, VendorSyncMetrics metrics, Clock clock) {
        this(bcClients, store, urls, entitySets, renewBefore, metrics, clock, SubscriptionFeed.NONE);
    }

    /** @param feed told every subscription's state after each check (and the replaced one as deleted) */
    public SubscriptionKeeper(BcClients bcClients, SubscriptionStore store, NotificationUrls urls,
                              List<String> entitySets, Duration renewBefore, VendorSyncMetrics metrics, Clock clock,
                              SubscriptionFeed feed) {
        this.feed = feed;
        this.bcClients = bcClients;
        this.store = store;
        this.urls = urls;
        this.entitySets = List.copyOf(entitySets);
        this.renewBefore = renewBefore;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<Outcome> maintain(Tenant tenant) {
        BcClient bc = bcClients.forTenant(tenant);
        URI url = urls.forTenant(tenant.id());
        List<BcSubscription> live = bc.subscriptions().collectList().block();
        List<Outcome> outcomes = new ArrayList<>();
        for (String set : entitySets) {
            Outcome outcome;
            try {
                outcome = maintain(tenant, bc, url, live, set);
            } catch (RuntimeException e) {
                log.warn("tenant {}: BC subscription for {} could not be kept: {}", tenant.id(), set, e.toString());
                outcome = new Outcome(tenant.id(), set, Action.FAILED, null, null);
            }
            if (outcome.action() != Action.KEPT) {
                metrics.subscription(tenant.id(), set, outcome.action().name().toLowerCase(Locale.ROOT));
                log.info("tenant {}: BC subscription for {} {} ({}), expires {}", tenant.id(), set,
                        outcome.action().name().toLowerCase(Locale.ROOT), outcome.subscriptionId(),
                        outcome.expirationDateTime());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome maintain(Tenant tenant, BcClient bc, URI url, List<BcSubscription> live, String set) {
        String resource = bc.subscriptionResource(set);
        Optional<StoredSubscription> stored = store.find(tenant.id(), set);
        Optional<BcSubscription> current = stored.flatMap(s -> live.stream()
                .filter(l -> l.subscriptionId().equals(s.subscriptionId())).findFirst());
        Action found = Action.KEPT;
        if (current.isEmpty()) {
            // ours, but not (or no longer) in our store, e.g. after the store was reset: take it over
            current = live.stream().filter(l -> sameResource(l.resource(), resource)
                    && url.toString().equals(l.notificationUrl())).findFirst();
            found = Action.ADOPTED;
        }
        if (current.isEmpty()) {
            return save(tenant, set, create(tenant, bc, url, set), stored.isPresent() ? Action.RECREATED : Action.CREATED,
                    null);
        }
        BcSubscription sub = current.get();
        boolean moved = !url.toString().equals(sub.notificationUrl());
        boolean expiring = sub.expirationDateTime() == null
                || Duration.between(clock.instant(), sub.expirationDateTime()).compareTo(renewBefore) < 0;
        if (!moved && !expiring) {
            return save(tenant, set, sub, found, stored.map(StoredSubscription::renewedAt).orElse(null));
        }
        BcSubscription toRenew = new BcSubscription(sub.subscriptionId(), url.toString(), sub.resource(), null,
                sub.expirationDateTime(), sub.etag());
        try {
            return save(tenant, set, bc.renewSubscription(toRenew).block(), Action.RENEWED, clock.instant());
        } catch (BcApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            // BC removed it between our list and our PATCH (expiry job, failed deliveries)
            return save(tenant, set, create(tenant, bc, url, set), Action.RECREATED, null);
        }
    }

    private static BcSubscription create(Tenant tenant, BcClient bc, URI url, String set) {
        return bc.createSubscription(url, set, tenant.bcClientState().reveal()).block();
    }

    private Outcome save(Tenant tenant, String set, BcSubscription sub, Action action, Instant renewedAt) {
        Instant now = clock.instant();
        Optional<StoredSubscription> previous = store.find(tenant.id(), set);
        Instant createdAt = switch (action) {
            case CREATED, RECREATED -> now;
            default -> previous.map(StoredSubscription::createdAt).orElse(now);
        };
        StoredSubscription saved = new StoredSubscription(tenant.id(), set, sub.subscriptionId(), sub.notificationUrl(),
                sub.resource(), sub.expirationDateTime(), sub.etag(), createdAt, renewedAt);
        store.save(saved);
        previous.filter(p -> p.subscriptionId() != null && !p.subscriptionId().equals(sub.subscriptionId()))
                .ifPresent(replaced -> tell(replaced, true));
        tell(saved, false);
        return new Outcome(tenant.id(), set, action, sub.subscriptionId(), sub.expirationDateTime());
    }

    /**
     * Every check re-sends each subscription's state, so a state lost on the way (Kafka down) reaches the
     * webhook-gateway at the next check; meanwhile the gateway drops that subscription's notifications and the
     * vendor poll after {@code notification-silence} covers them.
     */
    private void tell(StoredSubscription subscription, boolean deleted) {
        try {
            feed.publish(subscription, deleted);
        } catch (RuntimeException e) {
            log.warn("tenant {}: could not tell the webhook-gateway about BC subscription {} ({}); the next check"
                    + " sends it again: {}", subscription.tenantId(), subscription.subscriptionId(),
                    subscription.entitySet(), e.getMessage());
        }
    }

    private static boolean sameResource(String a, String b) {
        return a != null && strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String resource) {
        String r = resource.strip();
        int api = r.indexOf("api/");
        return api >= 0 ? r.substring(api) : r;
    }
}
