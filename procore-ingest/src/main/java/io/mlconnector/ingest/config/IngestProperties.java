package io.mlconnector.ingest.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.ingest.*}, checked at start (a zero or negative duration stops the service naming the key). The
 * Procore client's settings are {@code mlc.procore.*} ({@link io.mlconnector.service.config.ProcoreApiProperties}).
 *
 * @param scheduleEnabled             per-tenant reconciliation polls on the tenants' schedules (off for a one-shot run)
 * @param watermarkOverlap            how far before the last complete read the next incremental read starts
 * @param deletionCheckInterval       how often each project's ids are listed to find records deleted in Procore
 * @param webhookRetryFor             how long a webhook event whose read fails is retried before the dead-letter topic
 * @param webhookBaseUrl              the gateway's public base URL; blank = no Procore hook is registered
 * @param webhookRegistrationEnabled  off when hooks are managed outside the connector
 * @param webhookResources            resources the hook's triggers cover; empty = every cost resource Procore offers
 * @param webhookRegistrationTimeout  longest wait for one tenant's hook registration at start
 */
@ConfigurationProperties("mlc.ingest")
public record IngestProperties(@DefaultValue("true") boolean scheduleEnabled,
                               @DefaultValue("2m") Duration watermarkOverlap,
                               @DefaultValue("1h") Duration deletionCheckInterval,
                               @DefaultValue("10m") Duration webhookRetryFor,
                               @DefaultValue("") String webhookBaseUrl,
                               @DefaultValue("true") boolean webhookRegistrationEnabled,
                               @DefaultValue List<String> webhookResources,
                               @DefaultValue("2m") Duration webhookRegistrationTimeout) {

    public IngestProperties {
        positive("watermark-overlap", watermarkOverlap);
        positive("deletion-check-interval", deletionCheckInterval);
        positive("webhook-retry-for", webhookRetryFor);
        positive("webhook-registration-timeout", webhookRegistrationTimeout);
        webhookBaseUrl = webhookBaseUrl == null ? "" : webhookBaseUrl.strip();
        if (!webhookBaseUrl.isEmpty() && !webhookBaseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("mlc.ingest.webhook-base-url is '" + webhookBaseUrl
                    + "'; set the gateway's public base URL, e.g. https://connector.example.com");
        }
        webhookResources = webhookResources == null ? List.of()
                : webhookResources.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    /** Whether this replica registers the tenants' Procore hooks at start. */
    public boolean registersWebhooks() {
        return webhookRegistrationEnabled && !webhookBaseUrl.isEmpty();
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mlc.ingest." + key + " is " + value
                    + "; set a positive duration such as 2m");
        }
    }
}
