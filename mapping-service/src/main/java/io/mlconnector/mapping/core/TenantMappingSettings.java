package io.mlconnector.mapping.core;

import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.mapping.rules.DimensionCodes;
import io.mlconnector.mapping.rules.TenantAccounts;

/** Per-tenant settings of the mapping: policy accounts, dimension codes, posting policy. */
public record TenantMappingSettings(TenantAccounts accounts, DimensionCodes dimensionCodes, PostingPolicy policy) {
    public static final TenantMappingSettings DEFAULTS =
            new TenantMappingSettings(TenantAccounts.DEFAULTS, DimensionCodes.DEFAULTS, PostingPolicy.DEFAULTS);

    public TenantMappingSettings {
        accounts = accounts == null ? TenantAccounts.DEFAULTS : accounts;
        dimensionCodes = dimensionCodes == null ? DimensionCodes.DEFAULTS : dimensionCodes;
        policy = policy == null ? PostingPolicy.DEFAULTS : policy;
    }
}
