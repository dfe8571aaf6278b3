package io.mlconnector.tenant;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Tenants from a tenants file, read at construction and again on {@link #reload()}. */
public final class FileTenantRegistry implements TenantRegistry {

    private final Path file;
    private final TenantFile format;
    private volatile Map<String, Tenant> tenants;

    public FileTenantRegistry(Path file, TenantFile format) {
        this.file = Objects.requireNonNull(file, "file");
        this.format = Objects.requireNonNull(format, "format");
        reload();
    }

    /** Re-reads the file; on any error the tenants loaded before stay in place and the error is thrown. */
    public void reload() {
        Map<String, Tenant> loaded = new LinkedHashMap<>();
        for (Tenant tenant : format.read(file)) {
            loaded.put(tenant.id(), tenant);
        }
        tenants = java.util.Collections.unmodifiableMap(loaded);
    }

    @Override
    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    @Override
    public Optional<Tenant> byId(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }
}
