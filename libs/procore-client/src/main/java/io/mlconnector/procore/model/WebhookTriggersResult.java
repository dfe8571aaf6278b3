package io.mlconnector.procore.model;

import java.util.List;

/** What a bulk trigger create did: the triggers created, and each refused one with Procore's reason. */
public record WebhookTriggersResult(List<WebhookTrigger> created, List<String> failures) {

    public WebhookTriggersResult {
        created = List.copyOf(created);
        failures = List.copyOf(failures);
    }
}
