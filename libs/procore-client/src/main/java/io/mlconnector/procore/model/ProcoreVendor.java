package io.mlconnector.procore.model;

import java.time.Instant;

/**
 * A company-directory vendor. {@code originId} is the ERP key (the BC vendor id for this connector),
 * {@code originCode} the user-visible "External ID".
 */
public record ProcoreVendor(long id, String name, String abbreviatedName, String originId, String originCode,
                            boolean isActive, String address, String city, String stateCode, String zip,
                            String countryCode, String businessPhone, String emailAddress, Instant updatedAt) {
}
