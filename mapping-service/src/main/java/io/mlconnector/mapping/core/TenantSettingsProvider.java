package io.mlconnector.mapping.core;

/** Port: the mapping settings of a tenant (defaults when the tenant configures nothing). */
@FunctionalInterface
public interface TenantSettingsProvider {
    TenantMappingSettings forTenant(String tenantId);

    static TenantSettingsProvider defaults() {
        return tenantId -> TenantMappingSettings.DEFAULTS;
    }
}
