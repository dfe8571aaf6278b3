package io.mlconnector.gateway.procore;

import io.mlconnector.gateway.http.RejectedDeliveryException;
import io.mlconnector.gateway.http.Rejection;
import io.mlconnector.oauth.Secret;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Finds the tenant a delivery URL names and checks the shared header token against that tenant's token only, in
 * constant time ({@link Secret#matches}). Procore authenticates deliveries with nothing but the header set in the
 * hook's {@code destination_headers}, typically {@code Authorization: Bearer <token>} (Procore docs: webhooks-api), so both
 * {@code Bearer <token>} and the bare token are accepted.
 */
public final class WebhookTokenCheck {

    private static final String BEARER = "bearer ";

    private final TenantRegistry tenants;
    private final String headerName;
    /** Compared against when the tenant is unknown, so that path costs about the same time as a real check. */
    private final Secret decoy;

    public WebhookTokenCheck(TenantRegistry tenants, String headerName) {
        this.tenants = tenants;
        this.headerName = headerName;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoy = Secret.of(Base64.getEncoder().encodeToString(random));
    }

    /**
     * The tenant, if the URL names one and the token is that tenant's; otherwise 401. An unknown tenant gets exactly
     * the answer a known tenant with a wrong (or missing) token gets, after a comparison against a decoy, so neither
     * the status, the body nor the timing tells which tenant ids exist.
     */
    public Tenant authenticate(String tenantId, HttpHeaders headers) {
        String presented = presentedToken(headers);
        Optional<Tenant> tenant = Tenant.isValidId(tenantId) ? tenants.byId(tenantId) : Optional.empty();
        boolean matches = (tenant.isPresent() ? tenant.get().webhookToken() : decoy).matches(presented);
        if (presented == null) {
            throw new RejectedDeliveryException(Rejection.MISSING_TOKEN, "missing " + headerName + " header");
        }
        if (!matches || tenant.isEmpty()) {
            throw new RejectedDeliveryException(Rejection.WRONG_TOKEN, "token not valid for this endpoint");
        }
        return tenant.get();
    }

    private String presentedToken(HttpHeaders headers) {
        String value = headers.getFirst(headerName);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.equalsIgnoreCase(BEARER.strip())) {
            return null; // "Bearer " with nothing after it (the trailing space does not survive HTTP)
        }
        if (trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            trimmed = trimmed.substring(BEARER.length()).strip();
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
