package io.mlconnector.gateway;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** BC notification bodies in the documented shape ({@code {"value":[...]}}), for the gateway's tests. */
final class BcNotifications {

    private BcNotifications() {
    }

    static String entry(String subscriptionId, String clientState, String resource, String changeType,
                        String lastModified) {
        return """
                { "subscriptionId": "%s", "clientState": "%s", "expirationDateTime": "2099-01-01T00:00:00Z",
                  "resource": "%s", "changeType": "%s"%s }""".formatted(subscriptionId, clientState, resource,
                changeType, lastModified == null ? "" : ", \"lastModifiedDateTime\": \"" + lastModified + "\"");
    }

    static String vendor(String company, String vendorId) {
        return "api/v2.0/companies(" + company + ")/vendors(" + vendorId + ")";
    }

    static String newVendor(String company) {
        return vendor(company, UUID.randomUUID().toString());
    }

    static String body(List<String> entries) {
        return entries.stream().collect(Collectors.joining(",\n", "{ \"value\": [\n", "\n] }"));
    }

    static String body(String... entries) {
        return body(List.of(entries));
    }
}
