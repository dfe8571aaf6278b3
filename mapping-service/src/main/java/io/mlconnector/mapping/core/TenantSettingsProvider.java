package io.mlconnector.mapping.core;

/** Port: the mapping settings of a tenant, from the tenant's own configuration (there are no defaults). */
@FunctionalInterface
public interface TenantSettingsProvider {
    TenantMappingSettings forTenant(String tenantId);
}
