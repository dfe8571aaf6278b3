package io.mlconnector.tenant;

import static io.mlconnector.tenant.Validation.required;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.List;

/**
 * One tenant's Procore connection: the company and the service-account app (client-credentials).
 *
 * @param projectIds the projects to sync; empty means every project of the company
 * @param apiBase    default {@code https://api.procore.com}
 * @param loginBase  default {@code https://login.procore.com}
 */
public record ProcoreSettings(long companyId, String clientId, Secret clientSecret, List<Long> projectIds,
                              URI apiBase, URI loginBase) {

    public static final URI DEFAULT_API_BASE = URI.create("https://api.procore.com");
    public static final URI DEFAULT_LOGIN_BASE = URI.create("https://login.procore.com");

    public ProcoreSettings {
        if (companyId <= 0) {
            throw new TenantValidationException("procore.companyId must be a positive Procore company id");
        }
        required(clientId, "procore.clientId");
        required(clientSecret, "procore.clientSecret");
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        if (projectIds.stream().anyMatch(id -> id <= 0)) {
            throw new TenantValidationException("procore.projectIds must be positive Procore project ids");
        }
        apiBase = Validation.baseUri(apiBase, DEFAULT_API_BASE, "procore.apiBase");
        loginBase = Validation.baseUri(loginBase, DEFAULT_LOGIN_BASE, "procore.loginBase");
    }

    /** All projects, default hosts. */
    public ProcoreSettings(long companyId, String clientId, Secret clientSecret) {
        this(companyId, clientId, clientSecret, List.of(), null, null);
    }

    public boolean syncsAllProjects() {
        return projectIds.isEmpty();
    }

    public boolean includesProject(long projectId) {
        return projectIds.isEmpty() || projectIds.contains(projectId);
    }

    /** Procore's client-credentials token endpoint. */
    public URI tokenUri() {
        return URI.create(loginBase + "/oauth/token");
    }
}
