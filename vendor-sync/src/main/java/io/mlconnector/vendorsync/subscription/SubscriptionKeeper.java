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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
        this(bcClients, store, urls, entitySets, renewBefore, metrics, clock, feed, "keeper-" + UUID.randomUUID(),
                Duration.ofMinutes(5));
    }

    /**
     * @param holder   this replica's name in the store's claims
     * @param claimFor how long a check may keep an entity set to itself (list, create with BC's handshake, save)
     */
    public SubscriptionKeeper(BcClients bcClients, SubscriptionStore store, NotificationUrls urls,
                              List<String> entitySets, Duration renewBefore, VendorSyncMetrics metrics, Clock clock,
                              SubscriptionFeed feed, String holder, Duration claimFor) {
        this.feed = feed;
        this.bcClients = bcClients;
        this.store = store;
        this.urls = urls;
        this.entitySets = List.copyOf(entitySets);
        this.renewBefore = renewBefore;
        this.metrics = metrics;
        this.clock = clock;
        this.holder = holder;
        this.claimFor = claimFor;
    }

    /**
     * One check of the tenant's subscriptions, an outcome per entity set: first the sets another replica is keeping
     * ({@link Action#BUSY}), then the others; one set's failure is its FAILED outcome.
     */
    public Mono<List<Outcome>> maintain(Tenant tenant) {
        return Mono.usingWhen(claim(tenant), claims -> keep(tenant, claims),
                // ends the claims this check did not end by saving (a failure, a cancellation); no-op where another
                // replica took over
                this::release, (claims, error) -> release(claims), this::release);
    }

    /** The claim version per set this check holds, {@code null} for a set another replica is keeping. */
    private Mono<Claims> claim(Tenant tenant) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return Flux.fromIterable(entitySets)
                    .concatMap(set -> store.claim(tenant.id(), set, holder, now, now.plus(claimFor))
                            .map(version -> Map.entry(set, Optional.of(version)))
                            .defaultIfEmpty(Map.entry(set, Optional.empty())))
                    .collectList()
                    .map(entries -> {
                        Map<String, Long> held = new LinkedHashMap<>();
                        List<String> busy = new ArrayList<>();
                        entries.forEach(e -> e.getValue().ifPresentOrElse(v -> held.put(e.getKey(), v),
                                () -> busy.add(e.getKey())));
                        return new Claims(tenant.id(), held, busy);
                    });
        });
    }

    private record Claims(String tenantId, Map<String, Long> held, List<String> busy) {
    }

    private Mono<List<Outcome>> keep(Tenant tenant, Claims claims) {
        List<Outcome> busy = claims.busy().stream()
                .map(set -> new Outcome(tenant.id(), set, Action.BUSY, null, null)).toList();
        if (claims.held().isEmpty()) {
            log.info("tenant {}: BC subscriptions are being kept by another replica", tenant.id());
            return Mono.just(busy);
        }
        return Mono.defer(() -> {
            BcClient bc = bcClients.forTenant(tenant);
            URI url = urls.forTenant(tenant.id());
            // listed after claiming: whatever another replica created before the claims is in the list
            return bc.subscriptions().collectList().flatMap(live -> Flux.fromIterable(claims.held().entrySet())
                    .concatMap(claim -> keep(tenant, bc, url, live, claim.getKey(), claim.getValue()))
                    .collectList())
                    .map(kept -> {
                        List<Outcome> outcomes = new ArrayList<>(busy);
                        outcomes.addAll(kept);
                        return outcomes;
                    });
        });
    }

    private Mono<Outcome> keep(Tenant tenant, BcClient bc, URI url, List<BcSubscription> live, String set,
                               long claim) {
        return Mono.defer(() -> maintain(tenant, bc, url, live, set, claim))
                .onErrorResume(RuntimeException.class, e -> {
                    log.warn("tenant {}: BC subscription for {} could not be kept: {}", tenant.id(), set, e.toString());
                    return Mono.just(new Outcome(tenant.id(), set, Action.FAILED, null, null));
                })
                .doOnNext(outcome -> {
                    if (outcome.action() != Action.KEPT) {
                        String action = outcome.action().name().toLowerCase(Locale.ROOT);
                        metrics.subscription(tenant.id(), set, action);
                        log.info("tenant {}: BC subscription for {} {} ({}), expires {}", tenant.id(), set, action,
                                outcome.subscriptionId(), outcome.expirationDateTime());
                    }
                });
    }

    private Mono<Void> release(Claims claims) {
        return Flux.fromIterable(claims.held().entrySet())
                .concatMap(claim -> store.release(claims.tenantId(), claim.getKey(), claim.getValue(), clock.instant())
                        .onErrorResume(e -> {
                            log.warn("tenant {}: could not end this check's claim on the BC subscription for {} ({});"
                                    + " the next check may keep it once the claim runs out", claims.tenantId(),
                                    claim.getKey(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private Mono<Outcome> maintain(Tenant tenant, BcClient bc, URI url, List<BcSubscription> live, String set,
                                   long claim) {
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
                return create(tenant, bc, url, set).flatMap(sub -> saveCreated(tenant, bc, set, sub,
                        stored.isPresent() ? Action.RECREATED : Action.CREATED, claim));
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
            return bc.renewSubscription(toRenew).map(Optional::of)
                    // BC removed it between our list and our PATCH (expiry job, failed deliveries)
                    .onErrorResume(BcApiException.class, e -> e.status() == 404
                            ? Mono.just(Optional.<BcSubscription>empty()) : Mono.error(e))
                    .flatMap(renewed -> renewed.isPresent()
                            ? save(tenant, set, renewed.get(), Action.RENEWED, clock.instant(), claim)
                            : create(tenant, bc, url, set)
                                    .flatMap(s -> saveCreated(tenant, bc, set, s, Action.RECREATED, claim)));
        });
    }

    private static Mono<BcSubscription> create(Tenant tenant, BcClient bc, URI url, String set) {
        return bc.createSubscription(url, set, tenant.bcClientState().reveal());
    }

    /**
     * Saves a subscription this check created; if another replica kept the set meanwhile (this one was paused past
     * its claim), deletes it from BC again so the set keeps one subscription: the other replica's.
     */
    private Mono<Outcome> saveCreated(Tenant tenant, BcClient bc, String set, BcSubscription created, Action action,
                                      long claim) {
        return save(tenant, set, created, action, null, claim).flatMap(saved -> {
            if (saved.action() != Action.BUSY) {
                return Mono.just(saved);
            }
            log.warn("tenant {}: another replica kept the BC subscription for {} while this one was creating {};"
                    + " deleting this one so BC keeps one", tenant.id(), set, created.subscriptionId());
            return bc.deleteSubscription(created)
                    .thenReturn(new Outcome(tenant.id(), set, Action.WITHDRAWN, created.subscriptionId(), null));
        });
    }

    /** Saves the outcome under the claim; {@link Action#BUSY} (nothing saved) once another replica claimed the set. */
    private Mono<Outcome> save(Tenant tenant, String set, BcSubscription sub, Action action, Instant renewedAt,
                               long claim) {
        return store.find(tenant.id(), set).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(previous -> {
            Instant now = clock.instant();
            Instant createdAt = switch (action) {
                case CREATED, RECREATED -> now;
                default -> previous.map(StoredSubscription::createdAt).orElse(now);
            };
            StoredSubscription saved = new StoredSubscription(tenant.id(), set, sub.subscriptionId(),
                    sub.notificationUrl(), sub.resource(), sub.expirationDateTime(), sub.etag(), createdAt, renewedAt);
            return store.saveClaimed(saved, claim, now).flatMap(ok -> {
                if (!ok) {
                    return Mono.just(new Outcome(tenant.id(), set, Action.BUSY, sub.subscriptionId(),
                            sub.expirationDateTime()));
                }
                Mono<Void> replaced = previous
                        .filter(p -> p.subscriptionId() != null && !p.subscriptionId().equals(sub.subscriptionId()))
                        .map(p -> tell(p, true)).orElse(Mono.empty());
                return replaced.then(tell(saved, false))
                        .thenReturn(new Outcome(tenant.id(), set, action, sub.subscriptionId(),
                                sub.expirationDateTime()));
            });
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
