package io.mlconnector.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mlc.gateway.*}: how the gateway checks, bounds and acknowledges deliveries.
 *
 * @param publishTimeout  longest wait for Kafka's acknowledgement before answering 503. Procore and BC both give
 *                        up after 5 s (Procore docs: webhooks; BC: dynamics-subscriptions), so this stays well below that.
 * @param baseUrl         public base URL of the gateway, used only to print each tenant's webhook URLs
 */
@ConfigurationProperties("mlc.gateway")
public record GatewayProperties(
        @DefaultValue("3s") Duration publishTimeout,
        @DefaultValue("http://127.0.0.1:8080") String baseUrl,
        @DefaultValue Procore procore,
        @DefaultValue Bc bc,
        @DefaultValue Dedupe dedupe) {

    /**
     * @param tokenHeader  header carrying the shared token; Procore sends whatever the hook's
     *                     {@code destination_headers} hold, typically {@code Authorization: Bearer <token>}
     * @param maxBodySize  larger deliveries get 413 (Procore events are thin: well under 2 KiB)
     */
    public record Procore(@DefaultValue("Authorization") String tokenHeader,
                          @DefaultValue("64KB") DataSize maxBodySize) {
    }

    /**
     * @param maxBodySize larger notifications are acknowledged and dropped (never 4xx to BC, see docs/api-facts.md);
     *                    BC folds more than 1,000 changes into one {@code collection} entry, so real ones stay small
     * @param maxValidationTokenLength longer handshake tokens are refused
     * @param maxEntries  more valid entries than this in one notification are published as one {@code collection}
     *                    change per subscription instead (BC itself folds more than 1,000 changes that way), so one
     *                    request never turns into more than a few Kafka events
     * @param dedupeCollection MongoDB collection of BC notification entries already published
     * @param dedupeWindow how long a published entry is recognised when BC sends it again; BC retries a failed
     *                    notification over about 36 hours, so two days covers every retry
     */
    public record Bc(@DefaultValue("1MB") DataSize maxBodySize,
                     @DefaultValue("2048") int maxValidationTokenLength,
                     @DefaultValue("100") int maxEntries,
                     @DefaultValue("bc_notification_deliveries") String dedupeCollection,
                     @DefaultValue("2d") Duration dedupeWindow) {
    }

    /**
     * @param collection    MongoDB collection of seen Procore delivery ids
     * @param retention     how long a seen id is remembered; Procore retries a delivery for at most 12 h
     *                      before discarding it (Procore docs: webhooks), so two days is ample
     * @param claimTimeout  a claim older than this whose publish never finished (the instance died mid-request)
     *                      may be taken over by a redelivery; must exceed {@link #publishTimeout}
     * @param pruneInterval how often old ids are deleted (TTL indexes are not available everywhere)
     */
    public record Dedupe(@DefaultValue("procore_webhook_deliveries") String collection,
                         @DefaultValue("2d") Duration retention,
                         @DefaultValue("15s") Duration claimTimeout,
                         @DefaultValue("10m") Duration pruneInterval) {
    }
}
