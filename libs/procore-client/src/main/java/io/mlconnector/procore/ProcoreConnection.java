package io.mlconnector.procore;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call Procore for one company: API base (https://api.procore.com or the sandbox),
 * login base (https://login.procore.com), the company id sent as Procore-Company-Id on every call, and the
 * DMSA client credentials.
 */
public record ProcoreConnection(URI apiBase, URI loginBase, long companyId, String clientId, Secret clientSecret) {

    public ProcoreConnection {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(loginBase, "loginBase");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }
}
