package io.mlconnector.mapping.core;

import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.mapping.rules.DimensionCodes;
import io.mlconnector.mapping.rules.TenantAccounts;
import java.util.Objects;

/** Per-tenant settings of the mapping: policy accounts, dimension codes, posting policy (from the tenants file). */
public record TenantMappingSettings(TenantAccounts accounts, DimensionCodes dimensionCodes, PostingPolicy policy) {

    public TenantMappingSettings {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(dimensionCodes, "dimensionCodes");
        Objects.requireNonNull(policy, "policy");
    }

    public TenantMappingSettings withPolicy(PostingPolicy changed) {
        return new TenantMappingSettings(accounts, dimensionCodes, changed);
    }
}
