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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one BC webhook subscription per (tenant, entity set) alive (bc-api.md 5): BC drops a subscription
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
 *
 * <p>With several replicas, one keeps a given entity set at a time: each check first claims its sets in the store
 * ({@link SubscriptionStore#claim}, for {@code claimFor}), then lists BC's subscriptions, so what another replica
 * created before is seen (a list read before the claim would miss it and create a second subscription). A set
 * claimed by another replica is left to it ({@link Action#BUSY}); a replica that died holding a claim blocks the set
 * for at most {@code claimFor}. A replica paused past its claim cannot save: if it created a subscription meanwhile,
 * it deletes it again ({@link Action#WITHDRAWN}), so BC keeps one per set.
 */
public final class SubscriptionKeeper {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionKeeper.class);

    /**
     * {@code BUSY}: another replica is keeping the set right now; {@code WITHDRAWN}: this replica created one but
     * another replica kept the set meanwhile, so it deleted its own.
     */
    public enum Action { CREATED, RECREATED, ADOPTED, RENEWED, KEPT, FAILED, BUSY, WITHDRAWN }

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
    private final String holder;
    private final Duration claimFor;

    public SubscriptionKeeper(BcClients bcClients, SubscriptionStore store, NotificationUrls urls,
                              List<String> entitySets, Duration renewBefore, VendorSyncMetrics metrics, Clock clock) {
        this(bcClients, store, urls, entitySets, renewBefore, metrics, clock, SubscriptionFeed.NONE);
    }

    /** @param feed told every subscription's state after each check (and the replaced one as deleted) */
    public SubscriptionKeeper(BcClients bcClients, SubscriptionStore store, NotificationUrls urls,
                              List<String> entitySets, Duration renewBefore, VendorSyncMetrics metrics, Clock clock,
                              SubscriptionFeed feed) {
        this(bcClients, store, urls, entitySets, renewBefore, metrics, clock, feed,
                "keeper-" + java.util.UUID.randomUUID(), Duration.ofMinutes(5));
    }

    /**
     * @param holder   this replica's name in the store's claims
     * @param claimFor how long a check may keep an entity set to itself (list, create with BC's handshake, save)
     */
    public SubscriptionKeeper(BcClients bcClients, SubscriptionStore store, NotificationUrls urls,
                              List<String> entitySets, Duration renewBefore, VendorSyncMetrics metrics, Clock clock,
                              SubscriptionFeed feed, String holder, Duration claimFor) {
        this.holder = holder;
        this.claimFor = claimFor;
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
        Instant now = clock.instant();
        Map<String, Long> claims = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (String set : entitySets) {
                store.claim(tenant.id(), set, holder, now, now.plus(claimFor)).ifPresentOrElse(
                        version -> claims.put(set, version),
                        () -> outcomes.add(new Outcome(tenant.id(), set, Action.BUSY, null, null)));
            }
            if (claims.isEmpty()) {
                log.info("tenant {}: BC subscriptions are being kept by another replica", tenant.id());
                return outcomes;
            }
            // listed after claiming: whatever another replica created before the claims is in the list
            List<BcSubscription> live = bc.subscriptions().collectList().block();
            for (Map.Entry<String, Long> claim : claims.entrySet()) {
                String set = claim.getKey();
                Outcome outcome;
                try {
                    outcome = maintain(tenant, bc, url, live, set, claim.getValue());
                } catch (RuntimeException e) {
                    log.warn("tenant {}: BC subscription for {} could not be kept: {}", tenant.id(), set,
                            e.toString());
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
        } finally {
            // ends the claims this check did not end by saving (a failure); no-op where another replica took over
            claims.forEach((set, version) -> store.release(tenant.id(), set, version, clock.instant()));
        }
    }

    private Outcome maintain(Tenant tenant, BcClient bc, URI url, List<BcSubscription> live, String set,
                             long claim) {
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
            return saveCreated(tenant, bc, set, create(tenant, bc, url, set),
                    stored.isPresent() ? Action.RECREATED : Action.CREATED, claim);
        }
        BcSubscription sub = current.get();
        boolean moved = !url.toString().equals(sub.notificationUrl());
        boolean expiring = sub.expirationDateTime() == null
                || Duration.between(clock.instant(), sub.expirationDateTime()).compareTo(renewBefore) < 0;
        if (!moved && !expiring) {
            return save(tenant, set, sub, found, stored.map(StoredSubscription::renewedAt).orElse(null), claim);
        }
        BcSubscription toRenew = new BcSubscription(sub.subscriptionId(), url.toString(), sub.resource(), null,
                sub.expirationDateTime(), sub.etag());
        BcSubscription renewed;
        try {
            renewed = bc.renewSubscription(toRenew).block();
        } catch (BcApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            // BC removed it between our list and our PATCH (expiry job, failed deliveries)
            return saveCreated(tenant, bc, set, create(tenant, bc, url, set), Action.RECREATED, claim);
        }
        return save(tenant, set, renewed, Action.RENEWED, clock.instant(), claim);
    }

    /**
     * Saves a subscription this check created; if another replica kept the set meanwhile (this one was paused past
     * its claim), deletes it from BC again so the set keeps one subscription: the other replica's.
     */
    private Outcome saveCreated(Tenant tenant, BcClient bc, String set, BcSubscription created, Action action,
                                long claim) {
        Outcome saved = save(tenant, set, created, action, null, claim);
        if (saved.action() != Action.BUSY) {
            return saved;
        }
        log.warn("tenant {}: another replica kept the BC subscription for {} while this one was creating {}; deleting"
                + " this one so BC keeps one", tenant.id(), set, created.subscriptionId());
        bc.deleteSubscription(created).block();
        return new Outcome(tenant.id(), set, Action.WITHDRAWN, created.subscriptionId(), null);
    }

    private static BcSubscription create(Tenant tenant, BcClient bc, URI url, String set) {
        return bc.createSubscription(url, set, tenant.bcClientState().reveal()).block();
    }

    /** Saves the outcome under the claim; {@link Action#BUSY} (nothing saved) once another replica claimed the set. */
    private Outcome save(Tenant tenant, String set, BcSubscription sub, Action action, Instant renewedAt, long claim) {
        Instant now = clock.instant();
        Optional<StoredSubscription> previous = store.find(tenant.id(), set);
        Instant createdAt = switch (action) {
            case CREATED, RECREATED -> now;
            default -> previous.map(StoredSubscription::createdAt).orElse(now);
        };
        StoredSubscription saved = new StoredSubscription(tenant.id(), set, sub.subscriptionId(), sub.notificationUrl(),
                sub.resource(), sub.expirationDateTime(), sub.etag(), createdAt, renewedAt);
        if (!store.saveClaimed(saved, claim, now)) {
            return new Outcome(tenant.id(), set, Action.BUSY, sub.subscriptionId(), sub.expirationDateTime());
        }
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
