package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcVendor;
import java.util.Optional;

/**
 * Port: the BC reference data the mapping is validated against. Lookups are by BC's codes and are
 * case-insensitive (BC uppercases Code fields). In memory: {@link CachedBcReferenceData#withSnapshot} hands the
 * mapping a view of one loaded snapshot, so lookups never wait for BC.
 */
public interface BcReferenceData {
    Optional<GlAccount> account(String tenantId, String accountNumber);

    Optional<KnownDimensionValues> dimension(String tenantId, String dimensionCode);

    Optional<BcVendor> vendorById(String tenantId, String vendorId);

    Optional<BcVendor> vendorByNumber(String tenantId, String vendorNumber);
}
