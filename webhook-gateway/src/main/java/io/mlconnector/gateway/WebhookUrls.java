package io.mlconnector.gateway;

import io.mlconnector.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each tenant's webhook URLs on the gateway: what goes into the Procore hook's {@code destination_url} and the BC
 * subscription's {@code notificationUrl}. Used by the local runner to print them at start-up and by vendor-sync to
 * create subscriptions.
 */
public final class WebhookUrls {

    public static final String PROCORE_PATH = "/webhooks/procore/";
    public static final String BC_PATH = "/webhooks/bc/";

    private WebhookUrls() {
    }

    /** e.g. {@code https://gw.example.com/webhooks/procore/harbor-ridge} */
    public static String procore(String baseUrl, String tenantId) {
        return trim(baseUrl) + PROCORE_PATH + requireTenantId(tenantId);
    }

    /** e.g. {@code https://gw.example.com/webhooks/bc/harbor-ridge} */
    public static String bc(String baseUrl, String tenantId) {
        return trim(baseUrl) + BC_PATH + requireTenantId(tenantId);
    }

    /** One line per URL, each containing "webhook", e.g. {@code harbor-ridge Procore webhook: http://...}. */
    public static List<String> describe(String baseUrl, List<Tenant> tenants) {
        List<String> lines = new ArrayList<>();
        for (Tenant tenant : tenants) {
            lines.add(tenant.id() + " Procore webhook URL: " + procore(baseUrl, tenant.id()));
            lines.add(tenant.id() + " BC webhook URL: " + bc(baseUrl, tenant.id()));
        }
        return lines;
    }

    private static String trim(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static String requireTenantId(String tenantId) {
        if (!Tenant.isValidId(tenantId)) {
            throw new IllegalArgumentException("not a tenant id: " + tenantId);
        }
        return tenantId;
    }
}
