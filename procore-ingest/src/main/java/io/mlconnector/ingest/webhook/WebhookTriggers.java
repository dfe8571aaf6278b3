package io.mlconnector.ingest.webhook;

import io.mlconnector.events.SourceType;
import java.util.Map;
import java.util.Optional;

/**
 * Which document type a Procore webhook resource names, and whether the event names the record itself (fetch that
 * one record; for a {@code delete} event, confirm it is gone and publish it as deleted) or one of its lines (re-read
 * that type for the project: a line id cannot be fetched as a document). Resource names per Procore's webhooks
 * resource list; the requisition resource's name is unconfirmed, so both the API name and the UI name are accepted.
 */
public final class WebhookTriggers {

    /** @param deletion a delete event naming the record itself */
    public record Trigger(SourceType type, boolean recordItself, boolean deletion) {
        Trigger(SourceType type, boolean recordItself) {
            this(type, recordItself, false);
        }
    }

    private static final Map<String, Trigger> BY_RESOURCE = Map.ofEntries(
            Map.entry("Requisitions", new Trigger(SourceType.REQUISITION, true)),
            Map.entry("Subcontractor Invoices", new Trigger(SourceType.REQUISITION, true)),
            Map.entry("Direct Costs", new Trigger(SourceType.DIRECT_COST, true)),
            Map.entry("Direct Cost Line Items", new Trigger(SourceType.DIRECT_COST, false)),
            Map.entry("Work Order Contracts", new Trigger(SourceType.WORK_ORDER_CONTRACT, true)),
            Map.entry("Work Order Contract Line Items", new Trigger(SourceType.WORK_ORDER_CONTRACT, false)),
            Map.entry("Purchase Order Contracts", new Trigger(SourceType.PURCHASE_ORDER_CONTRACT, true)),
            Map.entry("Purchase Order Contract Line Items", new Trigger(SourceType.PURCHASE_ORDER_CONTRACT, false)),
            Map.entry("Commitment Change Orders", new Trigger(SourceType.COMMITMENT_CHANGE_ORDER, true)),
            Map.entry("Change Order Packages", new Trigger(SourceType.COMMITMENT_CHANGE_ORDER, false)),
            Map.entry("Prime Change Orders", new Trigger(SourceType.PRIME_CHANGE_ORDER, true)),
            Map.entry("Prime Contract Change Orders", new Trigger(SourceType.PRIME_CHANGE_ORDER, true)));

    private WebhookTriggers() {
    }

    public static Optional<Trigger> of(String resourceName, String eventType) {
        Trigger trigger = BY_RESOURCE.get(resourceName);
        if (trigger == null) {
            return Optional.empty();
        }
        boolean deleted = "delete".equalsIgnoreCase(eventType) || "deleted".equalsIgnoreCase(eventType);
        return Optional.of(deleted ? new Trigger(trigger.type(), trigger.recordItself(), trigger.recordItself()) : trigger);
    }
}
