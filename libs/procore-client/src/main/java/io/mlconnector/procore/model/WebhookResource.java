package io.mlconnector.procore.model;

import java.util.List;

/** A resource name a hook of the asked scope can subscribe to, and the event types it never sends. */
public record WebhookResource(String resourceName, List<String> except) {

    public WebhookResource {
        except = except == null ? List.of() : List.copyOf(except);
    }

    public boolean offers(String eventType) {
        return !except.contains(eventType);
    }
}
