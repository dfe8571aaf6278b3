package io.mlconnector.tenant;

import static io.mlconnector.tenant.Validation.required;

import io.mlconnector.oauth.Secret;
import java.util.regex.Pattern;

/**
 * One customer of the deployment. Secrets are {@link Secret}s, so the generated {@code toString()} shows
 * {@code Secret[****]} in their place.
 *
 * @param id            slug used in topic keys, store keys and URLs: {@code [a-z0-9-]{1,40}}
 * @param webhookToken  the shared header token Procore sends with this tenant's webhooks
 * @param bcClientState the {@code clientState} put on this tenant's BC webhook subscriptions
 * @param syncSchedule  reconciliation poll schedule, Spring 6-field cron (default every 15 minutes)
 * @param postingPolicy what the tenant posts and to which of its accounts; null means
 *                      {@link PostingPolicy#NOTHING_POSTED} (the tenants file itself requires one)
 * @param vendorSync    vendor-sync's per-tenant choices (defaults when absent)
 */
public record Tenant(String id, String displayName, BcSettings bc, ProcoreSettings procore, Secret webhookToken,
                     Secret bcClientState, String syncSchedule, PostingPolicy postingPolicy,
                     VendorSyncSettings vendorSync) {

    public static final String DEFAULT_SYNC_SCHEDULE = "0 */15 * * * *";

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");

    public Tenant {
        required(id, "tenant id");
        if (!ID.matcher(id).matches()) {
            throw new TenantValidationException("tenant id '" + id + "' must be 1-40 of a-z, 0-9 and '-'");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName.strip();
        required(bc, "bc");
        required(procore, "procore");
        required(webhookToken, "webhookToken");
        required(bcClientState, "bcClientState");
        syncSchedule = syncSchedule == null || syncSchedule.isBlank() ? DEFAULT_SYNC_SCHEDULE : syncSchedule.strip();
        // Spring's CronExpression has six fields (second first); a five-field Unix cron would silently
        // shift every field by one, so refuse it here rather than run at the wrong times.
        if (syncSchedule.split("\\s+").length != 6) {
            throw new TenantValidationException("syncSchedule '" + syncSchedule
                    + "' must be a 6-field cron (second minute hour day month weekday), e.g. " + DEFAULT_SYNC_SCHEDULE);
        }
        postingPolicy = postingPolicy == null ? PostingPolicy.NOTHING_POSTED : postingPolicy;
        vendorSync = vendorSync == null ? VendorSyncSettings.defaults() : vendorSync;
    }

    /** A tenant with vendor-sync's default settings. */
    public Tenant(String id, String displayName, BcSettings bc, ProcoreSettings procore, Secret webhookToken,
                  Secret bcClientState, String syncSchedule, PostingPolicy postingPolicy) {
        this(id, displayName, bc, procore, webhookToken, bcClientState, syncSchedule, postingPolicy, null);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
