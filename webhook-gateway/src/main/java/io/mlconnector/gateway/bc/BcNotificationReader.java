package io.mlconnector.gateway.bc;

import io.mlconnector.events.BcNotification;
import io.mlconnector.gateway.subscription.KnownSubscription;
import io.mlconnector.gateway.subscription.KnownSubscriptions;
import io.mlconnector.schemas.BcNotificationResource;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.tenant.Tenant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a BC notification body, {@code {"value":[...]}} (Microsoft Learn, "Working with webhooks in Dynamics 365
 * Business Central": each entry carries {@code subscriptionId}, {@code clientState}, {@code expirationDateTime},
 * {@code resource}, {@code changeType}, {@code lastModifiedDateTime}), into the entries to publish and the reasons
 * the others are dropped. One POST may mix several subscriptions, so every entry is checked on its own:
 * <ol>
 *   <li>its {@code clientState} is the tenant's (constant time; the secret is then forgotten, never put into an
 *       event, a reason or a log line);</li>
 *   <li>its {@code subscriptionId} is one of this tenant's subscriptions that vendor-sync reported, not deleted and
 *       not expired ({@link KnownSubscriptions});</li>
 *   <li>its {@code resource} is in the tenant's BC company and in that subscription's entity set;</li>
 *   <li>nothing in it carries control characters (they would reach Kafka keys and log lines).</li>
 * </ol>
 */
public final class BcNotificationReader {

    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted", "collection");
    private static final int MAX_SUBSCRIPTION_ID_LENGTH = 150;

    private final JsonMapper json = JsonMapper.builder().build();
    private final KnownSubscriptions subscriptions;

    public BcNotificationReader(KnownSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** An entry that passed every check, with the subscription it belongs to. */
    public record Accepted(String key, BcNotification event, KnownSubscription subscription) {
    }

    /**
     * @param accepted   entries to publish
     * @param dropped    reason code of every entry not published (and of the whole body, if it was unreadable)
     */
    public record Result(List<Accepted> accepted, List<String> dropped) {
    }

    public Result read(byte[] body, Tenant tenant, Instant observedAt) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.path("value").isArray()) {
            return new Result(List.of(), List.of("malformed_body"));
        }
        List<Accepted> accepted = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (JsonNode entry : root.get("value")) {
            Checked checked = check(entry, tenant, observedAt);
            if (checked.problem() != null) {
                dropped.add(checked.problem());
                continue;
            }
            BcNotification event = BcNotification.newBuilder()
                    .setTenantId(tenant.id())
                    .setSubscriptionId(entry.get("subscriptionId").asString())
                    .setResource(entry.get("resource").asString())
                    .setChangeType(entry.get("changeType").asString().toLowerCase(Locale.ROOT))
                    .setLastModifiedDateTime(instantOrNull(entry.get("lastModifiedDateTime")))
                    .setObservedAt(observedAt)
                    .build();
            accepted.add(new Accepted(key(tenant, checked.resource()), event, checked.subscription()));
        }
        return new Result(accepted, dropped);
    }

    /** Key tenantId|collection|record key: all changes of one BC record stay in order on one partition. */
    static String key(Tenant tenant, BcNotificationResource resource) {
        return EventKeys.of(tenant.id(), resource.collection(), resource.recordKey());
    }

    private record Checked(String problem, BcNotificationResource resource, KnownSubscription subscription) {
        static Checked dropped(String problem) {
            return new Checked(problem, null, null);
        }
    }

    /** Order matters: authenticate before anything else, so nothing is learned without the clientState. */
    private Checked check(JsonNode entry, Tenant tenant, Instant now) {
        if (!entry.isObject()) {
            return Checked.dropped("malformed_entry");
        }
        JsonNode clientState = entry.get("clientState");
        if (clientState == null || !clientState.isString() || !tenant.bcClientState().matches(clientState.asString())) {
            return Checked.dropped("client_state_mismatch");
        }
        JsonNode subscriptionId = entry.get("subscriptionId");
        if (!nonBlankString(subscriptionId) || subscriptionId.asString().length() > MAX_SUBSCRIPTION_ID_LENGTH
                || hasControlCharacter(subscriptionId.asString())) {
            return Checked.dropped("malformed_entry");
        }
        JsonNode changeType = entry.get("changeType");
        if (!nonBlankString(changeType) || !CHANGE_TYPES.contains(changeType.asString().toLowerCase(Locale.ROOT))) {
            return Checked.dropped("unknown_change_type");
        }
        if (!nonBlankString(entry.get("resource")) || hasControlCharacter(entry.get("resource").asString())) {
            return Checked.dropped("malformed_entry");
        }
        Optional<BcNotificationResource> resource = BcNotificationResource.parse(entry.get("resource").asString());
        if (resource.isEmpty()) {
            return Checked.dropped("malformed_resource");
        }
        Optional<KnownSubscription> subscription = subscriptions.find(tenant.id(), subscriptionId.asString());
        if (subscription.isEmpty()) {
            return Checked.dropped("unknown_subscription");
        }
        if (!subscription.get().liveAt(now)) {
            return Checked.dropped(subscription.get().deleted() ? "deleted_subscription" : "expired_subscription");
        }
        String company = resource.get().companyId();
        if (company == null || !company.equalsIgnoreCase(tenant.bc().companyId().toString())) {
            return Checked.dropped("company_mismatch");
        }
        if (!subscription.get().collection().map(set -> set.equalsIgnoreCase(resource.get().collection()))
                .orElse(false)) {
            return Checked.dropped("resource_outside_subscription");
        }
        return new Checked(null, resource.get(), subscription.get());
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            int type = Character.getType(value.charAt(i));
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    private static boolean nonBlankString(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank();
    }

    /** A bad timestamp is no reason to lose a change: the event just goes without it. */
    static Instant instantOrNull(JsonNode node) {
        if (!nonBlankString(node)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
