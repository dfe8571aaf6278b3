package io.mlconnector.gateway.bc;

import io.mlconnector.bc.BcNotificationResource;
import io.mlconnector.events.BcNotification;
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
 * Reads a BC notification body, {@code {"value":[...]}} (bc-api.md §5.4), into the entries to publish and the
 * reasons the others are dropped. One POST may mix several subscriptions, so each entry's {@code clientState} is
 * checked on its own, in constant time. The clientState is a secret: it is compared and then forgotten, never put
 * into an event, a reason or a log line.
 */
public final class BcNotificationReader {

    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted", "collection");

    private final JsonMapper json = JsonMapper.builder().build();

    /** An entry that passed every check. */
    public record Accepted(String key, BcNotification event) {
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
            String problem = problemWith(entry, tenant);
            if (problem != null) {
                dropped.add(problem);
                continue;
            }
            BcNotificationResource resource = BcNotificationResource.parse(entry.get("resource").asString()).orElseThrow();
            BcNotification event = BcNotification.newBuilder()
                    .setTenantId(tenant.id())
                    .setSubscriptionId(entry.get("subscriptionId").asString())
                    .setResource(entry.get("resource").asString())
                    .setChangeType(entry.get("changeType").asString().toLowerCase(Locale.ROOT))
                    .setLastModifiedDateTime(instantOrNull(entry.get("lastModifiedDateTime")))
                    .setObservedAt(observedAt)
                    .build();
            accepted.add(new Accepted(key(tenant, resource), event));
        }
        return new Result(accepted, dropped);
    }

    /** Key tenantId|collection|record key: all changes of one BC record stay in order on one partition. */
    static String key(Tenant tenant, BcNotificationResource resource) {
        return io.mlconnector.schemas.EventKeys.of(tenant.id(), resource.collection(), resource.recordKey());
    }

    /** The reason an entry is dropped, or null when it is good. Order matters: authenticate before anything else. */
    private static String problemWith(JsonNode entry, Tenant tenant) {
        if (!entry.isObject()) {
            return "malformed_entry";
        }
        JsonNode clientState = entry.get("clientState");
        if (clientState == null || !clientState.isString() || !tenant.bcClientState().matches(clientState.asString())) {
            return "client_state_mismatch";
        }
        if (!nonBlankString(entry.get("subscriptionId")) || entry.get("subscriptionId").asString().length() > 150) {
            return "malformed_entry";
        }
        JsonNode changeType = entry.get("changeType");
        if (!nonBlankString(changeType) || !CHANGE_TYPES.contains(changeType.asString().toLowerCase(Locale.ROOT))) {
            return "unknown_change_type";
        }
        if (!nonBlankString(entry.get("resource"))) {
            return "malformed_entry";
        }
        Optional<BcNotificationResource> resource = BcNotificationResource.parse(entry.get("resource").asString());
        if (resource.isEmpty()) {
            return "malformed_resource";
        }
        String company = resource.get().companyId();
        if (company != null && !company.equalsIgnoreCase(tenant.bc().companyId().toString())) {
            return "company_mismatch";
        }
        return null;
    }

    private static boolean nonBlankString(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank();
    }

    /** A bad timestamp is no reason to lose a change: the event just goes without it. */
    private static Instant instantOrNull(JsonNode node) {
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
