package io.mlconnector.vendorsync.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.vendor-sync.*}.
 *
 * @param scheduleEnabled        periodic jobs (reconciliation on each tenant's cron, subscription checks, polls);
 *                               false for one-shot runs: the start-up pass still runs
 * @param runOnStart             at start: keep subscriptions, reconcile vendors, poll purchase orders
 * @param webhooksEnabled        keep BC webhook subscriptions; false = vendors are polled every poll interval
 * @param notificationBaseUrl    the webhook-gateway's public base URL (BC must reach it)
 * @param notificationPath       the gateway's BC path, followed by the tenant id
 * @param entitySets             BC entity sets to subscribe to (dynamics-subscriptions); only vendors are acted on here
 * @param renewBefore            renew a subscription when less than this remains of its 3 days
 * @param subscriptionCheckInterval how often subscriptions are checked (renewed / re-created)
 * @param pollInterval           how often the vendor fallback poll and the purchase-order poll run
 * @param notificationSilence    with webhooks on, poll vendors when no notification came for this long
 * @param watermarkOverlap       polls re-read this much before the watermark (clock skew; re-reads write nothing)
 * @param procorePerPage         Procore page size of the reconciliation's vendor reads
 * @param subscriptionClaim      with several replicas, how long one replica's subscription check keeps an entity set
 *                               to itself (list, create with BC's validation handshake, save): a replica that dies
 *                               mid-check blocks the set's next check for at most this long
 * @param notificationRetryFor   how long a BC notification whose processing fails is retried before the dead-letter
 *                               topic (the next reconciliation or poll converges anyway)
 */
@ConfigurationProperties("mlc.vendor-sync")
public record VendorSyncProperties(
        @DefaultValue("true") boolean scheduleEnabled,
        @DefaultValue("true") boolean runOnStart,
        @DefaultValue("true") boolean webhooksEnabled,
        @DefaultValue("http://127.0.0.1:8080") String notificationBaseUrl,
        @DefaultValue("/webhooks/bc/") String notificationPath,
        @DefaultValue("vendors") List<String> entitySets,
        @DefaultValue("2d") Duration renewBefore,
        @DefaultValue("1h") Duration subscriptionCheckInterval,
        @DefaultValue("5m") Duration pollInterval,
        @DefaultValue("30m") Duration notificationSilence,
        @DefaultValue("2m") Duration watermarkOverlap,
        @DefaultValue("100") int procorePerPage,
        @DefaultValue("5m") Duration subscriptionClaim,
        @DefaultValue("2m") Duration notificationRetryFor) {

    public VendorSyncProperties {
        if (subscriptionClaim.isNegative() || subscriptionClaim.isZero()) {
            throw new IllegalArgumentException("mlc.vendor-sync.subscription-claim (" + subscriptionClaim + ") must be"
                    + " positive: it is how long one replica keeps a BC subscription check to itself; e.g. 5m");
        }
        if (notificationRetryFor.isNegative() || notificationRetryFor.isZero()) {
            throw new IllegalArgumentException("mlc.vendor-sync.notification-retry-for (" + notificationRetryFor
                    + ") must be positive: it is how long a failing BC notification is retried; e.g. 2m");
        }
    }
}
