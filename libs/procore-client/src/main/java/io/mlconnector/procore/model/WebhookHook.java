package io.mlconnector.procore.model;

import java.util.Map;

/**
 * A Procore webhook hook (Procore docs: webhooks-api): one company or one project, a namespace per integration, the URL
 * deliveries go to and the headers sent with them. {@code destinationHeaders} usually carry a shared secret, so
 * {@link #toString()} shows their names only; it is empty when Procore does not echo them.
 */
public record WebhookHook(long id, String namespace, String apiVersion, String destinationUrl,
                          Map<String, String> destinationHeaders, Long companyId, Long projectId) {

    public WebhookHook {
        destinationHeaders = destinationHeaders == null ? Map.of() : Map.copyOf(destinationHeaders);
    }

    @Override
    public String toString() {
        return "WebhookHook[id=" + id + ", namespace=" + namespace + ", apiVersion=" + apiVersion + ", destinationUrl="
                + destinationUrl + ", destinationHeaders=" + destinationHeaders.keySet() + " (values hidden), companyId="
                + companyId + ", projectId=" + projectId + "]";
    }
}
