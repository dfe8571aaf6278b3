package io.mlconnector.procore.model;

/** A trigger of a hook: a resource name ("Direct Costs") and an event type (create / update / delete). */
public record WebhookTrigger(Long id, String resourceName, String eventType) {

    public static WebhookTrigger of(String resourceName, String eventType) {
        return new WebhookTrigger(null, resourceName, eventType);
    }

    public boolean sameAs(WebhookTrigger other) {
        return resourceName.equals(other.resourceName) && eventType.equals(other.eventType);
    }
}
