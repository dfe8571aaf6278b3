package io.mlconnector.sandbox.procore;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook resource names the sandbox can deliver, one per record collection, with the event types Procore
 * offers for each (Procore docs: webhooks; the "except" lists follow a Procore sandbox's /webhooks/resources
 * answer published on GitHub, mechamoby/Procore-Instrumentality-Project: Company Vendors and Projects have no delete
 * event). The requisitions name is unconfirmed and comes from {@link WebhookOptions}.
 */
final class WebhookResources {

    /** One deliverable resource: its name, the scope a hook must have to subscribe to it, and what it never sends. */
    record Entry(Resource resource, String name, Resource.Scope scope, List<String> except) {

        boolean offers(String eventType) {
            return EVENT_TYPES.contains(eventType) && !except.contains(eventType);
        }
    }

    static final List<String> EVENT_TYPES = List.of("create", "update", "delete");

    private final Map<Resource, Entry> entries = new EnumMap<>(Resource.class);

    WebhookResources(WebhookOptions options) {
        add(Resource.VENDORS, "Company Vendors", List.of("delete"));
        add(Resource.LINE_ITEM_TYPES, "Line Item Types", List.of());
        add(Resource.PROJECTS, "Projects", List.of("delete"));
        add(Resource.COST_CODES, "Cost Codes", List.of());
        add(Resource.WORK_ORDER_CONTRACTS, "Work Order Contracts", List.of());
        add(Resource.PURCHASE_ORDER_CONTRACTS, "Purchase Order Contracts", List.of());
        add(Resource.REQUISITIONS, options.requisitionsResourceName(), List.of());
        add(Resource.DIRECT_COSTS, "Direct Costs", List.of());
        add(Resource.COMMITMENT_CHANGE_ORDERS, "Commitment Change Orders", List.of());
        add(Resource.PRIME_CHANGE_ORDERS, "Prime Change Orders", List.of());
    }

    private void add(Resource resource, String name, List<String> except) {
        entries.put(resource, new Entry(resource, name, resource.scope(), except));
    }

    Entry of(Resource resource) {
        return entries.get(resource);
    }

    /**
     * What a hook of this scope may subscribe to: a company hook gets company resources and every project's
     * (Procore fans company hooks out to the company's projects); a project hook only project resources.
     */
    List<Entry> forScope(Resource.Scope hookScope) {
        return entries.values().stream()
                .filter(e -> hookScope == Resource.Scope.COMPANY || e.scope() == Resource.Scope.PROJECT)
                .toList();
    }

    Optional<Entry> named(Resource.Scope hookScope, String name) {
        return forScope(hookScope).stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
