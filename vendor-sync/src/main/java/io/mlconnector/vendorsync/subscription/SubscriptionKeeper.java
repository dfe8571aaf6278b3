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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps one BC webhook subscription per (tenant, entity set) alive
 * (https://learn.microsoft.com/dynamics365/business-central/dev-itpro/api-reference/v2.0/dynamic-api-webhooks): BC
 * drops a subscription 3 days after its creation or last renewal, and also deletes it after failed deliveries. Each check:
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

    /** One check of the tenant's subscriptions, an outcome per entity set; one set's failure is its FAILED outcome. */
    public Mono<List<Outcome>> maintain(Tenant tenant) {
        return Mono.defer(() -> {
            BcClient bc = bcClients.forTenant(tenant);
            URI url = urls.forTenant(tenant.id());
            return bc.subscriptions().collectList().flatMap(live -> Flux.fromIterable(entitySets)
                    .concatMap(set -> Mono.defer(() -> maintain(tenant, bc, url, live, set))
                            .onErrorResume(RuntimeException.class, e -> {
                                log.warn("tenant {}: BC subscription for {} could not be kept: {}", tenant.id(), set,
                                        e.toString());
                                return Mono.just(new Outcome(tenant.id(), set, Action.FAILED, null, null));
                            })
                            .doOnNext(outcome -> {
                                if (outcome.action() != Action.KEPT) {
                                    String action = outcome.action().name().toLowerCase(Locale.ROOT);
                                    metrics.subscription(tenant.id(), set, action);
                                    log.info("tenant {}: BC subscription for {} {} ({}), expires {}", tenant.id(), set,
                                            action, outcome.subscriptionId(), outcome.expirationDateTime());
                                }
                            }))
                    .collectList());
        });
    }

    private Mono<Outcome> maintain(Tenant tenant, BcClient bc, URI url, List<BcSubscription> live, String set) {
        String resource = bc.subscriptionResource(set);
        return store.find(tenant.id(), set).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(stored -> {
            Optional<BcSubscription> ours = stored.flatMap(s -> live.stream()
                    .filter(l -> l.subscriptionId().equals(s.subscriptionId())).findFirst());
            // ours, but not (or no longer) in our store, e.g. after the store was reset: take it over
            Optional<BcSubscription> current = ours.isPresent() ? ours : live.stream()
                    .filter(l -> sameResource(l.resource(), resource) && url.toString().equals(l.notificationUrl()))
                    .findFirst();
            Action found = ours.isPresent() ? Action.KEPT : Action.ADOPTED;
            if (current.isEmpty()) {
                return create(tenant, bc, url, set).flatMap(sub -> save(tenant, set, sub,
                        stored.isPresent() ? Action.RECREATED : Action.CREATED, null));
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
            return bc.renewSubscription(toRenew).map(Optional::of)
                    // BC removed it between our list and our PATCH (expiry job, failed deliveries)
                    .onErrorResume(BcApiException.class, e -> e.status() == 404
                            ? Mono.just(Optional.<BcSubscription>empty()) : Mono.error(e))
                    .flatMap(renewed -> renewed.isPresent()
                            ? save(tenant, set, renewed.get(), Action.RENEWED, clock.instant())
                            : create(tenant, bc, url, set).flatMap(s -> save(tenant, set, s, Action.RECREATED, null)));
        });
    }

    private static Mono<BcSubscription> create(Tenant tenant, BcClient bc, URI url, String set) {
        return bc.createSubscription(url, set, tenant.bcClientState().reveal());
    }

    private Mono<Outcome> save(Tenant tenant, String set, BcSubscription sub, Action action, Instant renewedAt) {
        Instant now = clock.instant();
        return store.find(tenant.id(), set).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(previous -> {
            Instant createdAt = switch (action) {
                case CREATED, RECREATED -> now;
                default -> previous.map(StoredSubscription::createdAt).orElse(now);
            };
            StoredSubscription saved = new StoredSubscription(tenant.id(), set, sub.subscriptionId(),
                    sub.notificationUrl(), sub.resource(), sub.expirationDateTime(), sub.etag(), createdAt, renewedAt);
            Mono<Void> replaced = previous
                    .filter(p -> p.subscriptionId() != null && !p.subscriptionId().equals(sub.subscriptionId()))
                    .map(p -> tell(p, true)).orElse(Mono.empty());
            return store.save(saved).then(replaced).then(tell(saved, false))
                    .thenReturn(new Outcome(tenant.id(), set, action, sub.subscriptionId(), sub.expirationDateTime()));
        });
    }

    /**
     * Every check re-sends each subscription's state, so a state lost on the way (Kafka down) reaches the
     * webhook-gateway at the next check; meanwhile the gateway drops that subscription's notifications and the
     * vendor poll after {@code notification-silence} covers them.
     */
    private Mono<Void> tell(StoredSubscription subscription, boolean deleted) {
        return Mono.defer(() -> feed.publish(subscription, deleted))
                .onErrorResume(RuntimeException.class, e -> {
                    log.warn("tenant {}: could not tell the webhook-gateway about BC subscription {} ({}); the next"
                            + " check sends it again: {}", subscription.tenantId(), subscription.subscriptionId(),
                            subscription.entitySet(), e.getMessage());
                    return Mono.empty();
                });
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
