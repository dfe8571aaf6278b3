package io.mlconnector.bc;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where and as whom to call one BC company: API base (https://api.businesscentral.dynamics.com, or a sandbox), the
 * Entra login base (https://login.microsoftonline.com), the Entra tenant, the environment name and the company id.
 * The environment name goes into URLs, so it is checked first against BC's naming rule (bc-api.md 2: fewer than 30
 * characters, starts with a letter, only letters, digits, '_' and '-').
 */
public record BcConnection(URI apiBase, URI loginBase, String aadTenantId, String environment, UUID companyId,
                           String clientId, Secret clientSecret) {

    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,28}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    public BcConnection {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(loginBase, "loginBase");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("BC environment name '" + environment + "' is invalid: it must be fewer"
                    + " than 30 characters, start with a letter and contain only letters, digits, '_' and '-'");
        }
        if (aadTenantId == null || !TENANT.matcher(aadTenantId).matches()) {
            throw new IllegalArgumentException("Entra tenant id '" + aadTenantId + "' must be a GUID or a domain name");
        }
    }

    /** {@code {apiBase}/v2.0/{tenant}/{environment}/api/v2.0}, without a trailing slash. */
    public String apiRoot() {
        return trim(apiBase) + "/v2.0/" + aadTenantId + "/" + environment + "/api/v2.0";
    }

    public URI tokenUri() {
        return URI.create(trim(loginBase) + "/" + aadTenantId + "/oauth2/v2.0/token");
    }

    /** The name of the environment's shared limits and breaker (and of their metrics): BC counts per environment. */
    String environmentKey() {
        return ("bc:" + trim(apiBase).replaceFirst("^https?://", "") + "/" + aadTenantId + "/" + environment).toLowerCase();
    }

    /** The name of this company's client (its retries and their metrics). */
    String clientKey() {
        return environmentKey() + "/" + companyId;
    }

    private static String trim(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "BcConnection[" + aadTenantId + "/" + environment + "/" + companyId + ", client " + clientId + "]";
    }
}
