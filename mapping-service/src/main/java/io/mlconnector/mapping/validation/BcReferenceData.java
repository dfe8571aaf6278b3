package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcVendor;
import java.util.Optional;

/**
 * Port: the BC reference data the mapping is validated against. Lookups are by BC's codes and are
 * case-insensitive (BC uppercases Code fields). Implementations may block (call them off event loops).
 */
public interface BcReferenceData {
    Optional<GlAccount> account(String tenantId, String accountNumber);

    Optional<BcDimension> dimension(String tenantId, String dimensionCode);

    Optional<BcVendor> vendorById(String tenantId, String vendorId);

    Optional<BcVendor> vendorByNumber(String tenantId, String vendorNumber);

    /** What is known of the tenant may be out of date (e.g. a vendor just created in BC): read it again when next asked. */
    default void invalidate(String tenantId) {
    }
}
