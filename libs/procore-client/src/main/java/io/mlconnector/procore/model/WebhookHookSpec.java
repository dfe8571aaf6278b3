package io.mlconnector.procore.model;

import io.mlconnector.oauth.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * What a hook should be: namespace, destination URL, and the headers Procore sends with every delivery (values are
 * {@link Secret}s: typically {@code Authorization: Bearer <shared token>}). Payload version v2 (api_version "v2").
 */
public record WebhookHookSpec(String namespace, String destinationUrl, Map<String, Secret> destinationHeaders) {

    public WebhookHookSpec {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(destinationUrl, "destinationUrl");
        destinationHeaders = destinationHeaders == null ? Map.of() : Map.copyOf(destinationHeaders);
    }

    /** Whether an existing hook already has these headers (compared in constant time per value). */
    public boolean sameHeadersAs(WebhookHook hook) {
        if (!hook.destinationHeaders().keySet().equals(destinationHeaders.keySet())) {
            return false;
        }
        boolean same = true;
        for (Map.Entry<String, Secret> e : destinationHeaders.entrySet()) {
            same &= e.getValue().matches(hook.destinationHeaders().get(e.getKey()));
        }
        return same;
    }
}
