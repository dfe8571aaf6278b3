package io.mlconnector.vendorsync.subscription;

import io.mlconnector.tenant.Tenant;
import java.net.URI;

/**
 * The notificationUrl of a tenant's BC subscriptions: the webhook-gateway's BC URL for that tenant,
 * {@code <base-url><path><tenantId>}. The path default {@code /webhooks/bc/} is the gateway's
 * {@code WebhookUrls.BC_PATH}; it is repeated here (configurable) because a service must not depend on another
 * service's module (see the report: WebhookUrls belongs in a shared library).
 */
public final class NotificationUrls {

    private final String baseUrl;
    private final String path;

    public NotificationUrls(String baseUrl, String path) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("mlc.vendor-sync.notification-base-url must be set"
                    + " (the webhook-gateway's public base URL) while webhooks are enabled");
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String p = path == null || path.isBlank() ? "/webhooks/bc/" : path.strip();
        this.baseUrl = base;
        this.path = (p.startsWith("/") ? "" : "/") + p + (p.endsWith("/") ? "" : "/");
    }

    public URI forTenant(String tenantId) {
        if (!Tenant.isValidId(tenantId)) {
            throw new IllegalArgumentException("not a tenant id: " + tenantId);
        }
        return URI.create(baseUrl + path + tenantId);
    }
}
