package io.mlconnector.tenant;

import static io.mlconnector.tenant.Validation.required;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One tenant's Business Central connection: the customer's Entra ID tenant, the BC environment and company,
 * and the Entra app registration the connector authenticates as (client-credentials).
 *
 * @param aadTenantId Entra ID tenant (GUID or verified domain such as {@code contoso.onmicrosoft.com})
 * @param environment BC environment name, e.g. {@code Production}; it goes into every API URL, so it is
 *                    validated here (BC: fewer than 30 characters, starts with a letter, letters, digits,
 *                    '_' and '-' only)
 * @param apiBase     default {@code https://api.businesscentral.dynamics.com}; a sandbox URL for local runs
 * @param loginBase   default {@code https://login.microsoftonline.com}
 */
public record BcSettings(String aadTenantId, String environment, UUID companyId, String clientId,
                         Secret clientSecret, URI apiBase, URI loginBase) {

    public static final URI DEFAULT_API_BASE = URI.create("https://api.businesscentral.dynamics.com");
    public static final URI DEFAULT_LOGIN_BASE = URI.create("https://login.microsoftonline.com");
    /** The client-credentials scope for the BC API (same for every tenant and environment). */
    public static final String SCOPE = "https://api.businesscentral.dynamics.com/.default";

    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,28}");
    /** GUID or DNS name: it becomes a path segment of the token URL. */
    private static final Pattern AAD_TENANT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?");

    public BcSettings {
        required(aadTenantId, "bc.aadTenantId");
        if (!AAD_TENANT.matcher(aadTenantId).matches()) {
            throw new TenantValidationException("bc.aadTenantId must be a GUID or a domain name: " + aadTenantId);
        }
        required(environment, "bc.environment");
        if (!isValidEnvironmentName(environment)) {
            throw new TenantValidationException("bc.environment '" + environment + "' is not a valid Business Central"
                    + " environment name (fewer than 30 characters, starts with a letter, letters, digits, '_' and '-')");
        }
        required(companyId, "bc.companyId");
        required(clientId, "bc.clientId");
        required(clientSecret, "bc.clientSecret");
        apiBase = Validation.baseUri(apiBase, DEFAULT_API_BASE, "bc.apiBase");
        loginBase = Validation.baseUri(loginBase, DEFAULT_LOGIN_BASE, "bc.loginBase");
    }

    /** With the default API and login hosts. */
    public BcSettings(String aadTenantId, String environment, UUID companyId, String clientId, Secret clientSecret) {
        this(aadTenantId, environment, companyId, clientId, clientSecret, null, null);
    }

    public static boolean isValidEnvironmentName(String name) {
        return name != null && ENVIRONMENT.matcher(name).matches();
    }

    /** Entra ID v2 token endpoint of the customer's tenant. */
    public URI tokenUri() {
        return URI.create(loginBase + "/" + aadTenantId + "/oauth2/v2.0/token");
    }

    /** {@code {apiBase}/v2.0/{aadTenantId}/{environment}/api/v2.0} - the standard API root (companies below it). */
    public URI apiRoot() {
        return URI.create(apiBase + "/v2.0/" + aadTenantId + "/" + environment + "/api/v2.0");
    }
}
