package io.mlconnector.sandbox.procore;

import java.util.Set;

/** An OAuth client (a DMSA app) and the companies that installed it. */
public record SandboxClient(String clientId, String clientSecret, Set<Long> companyIds) {

    public SandboxClient {
        companyIds = Set.copyOf(companyIds);
    }

    @Override
    public String toString() {
        return "SandboxClient[" + clientId + ", companies=" + companyIds + "]";
    }
}
