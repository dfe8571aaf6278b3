package io.mlconnector.tenant;

import java.util.List;
import java.util.Optional;

/** The tenants this deployment serves. */
public interface TenantRegistry {

    List<Tenant> all();

    Optional<Tenant> byId(String tenantId);
}
