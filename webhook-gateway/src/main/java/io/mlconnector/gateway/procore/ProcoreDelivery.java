package io.mlconnector.gateway.procore;

import java.time.Instant;

/**
 * One Procore webhook delivery after validation, whatever its payload version.
 *
 * @param deliveryId  the {@code ulid} (v2.0/v3.0) or the event {@code id}; a redelivery of the same event carries
 *                    the same one (Procore docs: webhooks; dedupe on ulid/id)
 * @param eventType   v2.0/v3.0 {@code event_type}; v4.0 {@code reason}
 * @param resourceName v2.0/v3.0 {@code resource_name}; v4.0 {@code resource_type}
 */
public record ProcoreDelivery(String deliveryId, String payloadVersion, String resourceName, String resourceId,
                              String eventType, long companyId, Long projectId, String sourceApplicationId,
                              Instant occurredAt) {
}
