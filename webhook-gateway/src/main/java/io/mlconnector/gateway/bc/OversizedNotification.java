package io.mlconnector.gateway.bc;

import io.mlconnector.events.BcNotification;
import io.mlconnector.gateway.subscription.KnownSubscription;
import io.mlconnector.schemas.BcNotificationResource;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway publishes for a notification with more valid entries than it takes in one request: not some of
 * them (a partial publish would be lost if BC never sends the rest) and not none (BC would not send them again after
 * a 200, and any 4xx deletes the subscription), but one {@code collection} entry per subscription, the way BC itself
 * folds more than 1,000 changes (Microsoft Learn, "Working with webhooks in Dynamics 365 Business Central":
 * a {@code collection} notification whose resource is the entity set, filtered on {@code lastModifiedDateTime}).
 * Consumers already re-read a collection that way; with a delete among the entries (a deleted record has no
 * modification time to filter on) the collection goes without a filter, which means "re-read everything".
 */
final class OversizedNotification {

    /** BC starts its collection filter 50 ms before the first change; so does this. */
    private static final Duration FILTER_MARGIN = Duration.ofMillis(50);

    private OversizedNotification() {
    }

    static List<BcNotificationReader.Accepted> fold(List<BcNotificationReader.Accepted> entries, Tenant tenant,
                                                    Instant observedAt) {
        Map<String, List<BcNotificationReader.Accepted>> bySubscription = new LinkedHashMap<>();
        entries.forEach(e -> bySubscription.computeIfAbsent(e.subscription().subscriptionId(), id -> new ArrayList<>())
                .add(e));
        List<BcNotificationReader.Accepted> folded = new ArrayList<>();
        bySubscription.values().forEach(group -> folded.add(collectionOf(group, tenant, observedAt)));
        return folded;
    }

    private static BcNotificationReader.Accepted collectionOf(List<BcNotificationReader.Accepted> group, Tenant tenant,
                                                              Instant observedAt) {
        KnownSubscription subscription = group.get(0).subscription();
        String set = subscription.collection().orElseThrow();
        Optional<Instant> since = lowerBound(group);
        String base = subscription.resource().strip();
        int query = base.indexOf('?');
        String resource = (query >= 0 ? base.substring(0, query) : base)
                + since.map(t -> "?$filter=lastModifiedDateTime%20gt%20" + t.truncatedTo(ChronoUnit.MILLIS))
                .orElse("");
        Instant latest = group.stream().map(e -> e.event().getLastModifiedDateTime()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        BcNotification event = BcNotification.newBuilder()
                .setTenantId(tenant.id())
                .setSubscriptionId(subscription.subscriptionId())
                .setResource(resource)
                .setChangeType("collection")
                .setLastModifiedDateTime(latest)
                .setObservedAt(observedAt)
                .build();
        return new BcNotificationReader.Accepted(
                EventKeys.of(tenant.id(), set, BcNotificationResource.WHOLE_COLLECTION), event, subscription);
    }

    /** The earliest change minus the margin, or empty when one entry cannot be bounded (then: re-read all). */
    private static Optional<Instant> lowerBound(List<BcNotificationReader.Accepted> group) {
        Instant earliest = null;
        for (BcNotificationReader.Accepted entry : group) {
            BcNotification event = entry.event();
            Instant at = switch (event.getChangeType()) {
                case "created", "updated" -> event.getLastModifiedDateTime();
                case "collection" -> BcNotificationResource.parse(event.getResource())
                        .flatMap(BcNotificationResource::modifiedSince).orElse(null);
                default -> null;
            };
            if (at == null) {
                return Optional.empty();
            }
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        }
        return Optional.ofNullable(earliest).map(t -> t.minus(FILTER_MARGIN));
    }
}
