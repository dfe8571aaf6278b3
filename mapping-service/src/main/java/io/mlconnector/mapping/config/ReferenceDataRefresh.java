package io.mlconnector.mapping.config;

import io.mlconnector.mapping.core.ExceptionRedriver;
import io.mlconnector.mapping.core.RedriveReport;
import io.mlconnector.mapping.validation.CachedBcReferenceData;
import io.mlconnector.schemas.BcNotificationResource;
import reactor.core.publisher.Mono;

/**
 * Call when BC says accounts, dimensions or vendors changed (bc.webhook-events for those resources): drop the
 * tenant's cached reference data and re-drive its parked documents, which may now map (an account unblocked,
 * a dimension value added).
 */
public final class ReferenceDataRefresh {
    private final CachedBcReferenceData bc;
    private final ExceptionRedriver redriver;

    public ReferenceDataRefresh(CachedBcReferenceData bc, ExceptionRedriver redriver) {
        this.bc = bc;
        this.redriver = redriver;
    }

    public Mono<RedriveReport> referenceDataChanged(String tenantId) {
        return Mono.defer(() -> {
            bc.invalidate(tenantId);
            return redriver.redriveTenant(tenantId);
        });
    }

    /**
     * Only this replica's cache: every replica hears the change (its own consumer group), one of them re-drives
     * ({@link #referenceDataChanged}).
     */
    public void dropCache(String tenantId) {
        bc.invalidate(tenantId);
    }

    /** True for BC webhook resources that change what the mapping validates against. */
    public static boolean concernsMapping(String resource) {
        return BcNotificationResource.parse(resource).map(r -> r.collection().toLowerCase(java.util.Locale.ROOT))
                .filter(set -> set.equals("accounts") || set.equals("dimensions") || set.equals("dimensionvalues")
                        || set.equals("vendors"))
                .isPresent();
    }
}
