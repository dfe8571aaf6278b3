package io.mlconnector.sandbox.bc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** One BC environment of one Entra tenant: its companies and its webhook subscriptions (environment level). */
final class EnvironmentData {

    final String tenantId;
    final String name;
    final LinkedHashMap<UUID, CompanyData> companies = new LinkedHashMap<>();
    final LinkedHashMap<String, ObjectNode> subscriptions = new LinkedHashMap<>();

    EnvironmentData(String tenantId, String name) {
        this.tenantId = tenantId;
        this.name = name;
    }

    /** A copy of all company data, for all-or-nothing requests and {@code Isolation: snapshot} batches. */
    Map<UUID, CompanyData> snapshot() {
        Map<UUID, CompanyData> copy = new LinkedHashMap<>();
        companies.forEach((id, c) -> copy.put(id, c.copy()));
        return copy;
    }

    void restore(Map<UUID, CompanyData> snapshot) {
        companies.clear();
        companies.putAll(snapshot);
    }
}
