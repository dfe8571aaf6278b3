package io.mlconnector.vendorsync.notification;

import io.mlconnector.schemas.BcNotificationResource;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code resource} of a BC notification (dynamics-subscriptions): {@code api/v2.0/companies({c})/vendors({id})} for
 * created/updated/deleted, {@code api/v2.0/companies({c})/vendors?$filter=lastModifiedDateTime%20gt%20<t>} (or no
 * filter at all) for {@code collection}.
 *
 * @param since the collection's lower bound, null when BC sent no filter (= re-read everything)
 */
public record BcResource(UUID companyId, String entitySet, UUID entityId, Instant since) {

    /** What vendor-sync needs of the shared parse: GUIDs for company and record, and the collection's lower bound. */
    public static Optional<BcResource> parse(String resource) {
        return BcNotificationResource.parse(resource).flatMap(r -> {
            Optional<UUID> company = r.companyUuid();
            Optional<UUID> entity = r.recordUuid();
            if (company.isEmpty() || (!r.isWholeCollection() && entity.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new BcResource(company.get(), r.collection(), entity.orElse(null),
                    r.modifiedSince().orElse(null)));
        });
    }
}
