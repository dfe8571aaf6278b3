package io.mlconnector.sandbox.bc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sandbox's whole data set. Guarded by its own monitor: every API request runs under it, one at a time. */
final class SandboxState {

    final List<DataLoader.App> apps = new ArrayList<>();
    final Map<String, EnvironmentData> environments = new LinkedHashMap<>();

    EnvironmentData environment(String tenant, String environment, boolean create) {
        String key = tenant.toLowerCase() + "/" + environment;
        EnvironmentData env = environments.get(key);
        if (env == null && create) {
            env = new EnvironmentData(tenant.toLowerCase(), environment);
            environments.put(key, env);
        }
        return env;
    }

    boolean tenantKnown(String tenant) {
        return apps.stream().anyMatch(a -> a.tenantId().equalsIgnoreCase(tenant))
                || environments.values().stream().anyMatch(e -> e.tenantId.equalsIgnoreCase(tenant));
    }
}
