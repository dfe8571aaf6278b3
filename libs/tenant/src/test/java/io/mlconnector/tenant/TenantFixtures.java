package io.mlconnector.tenant;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The demo tenant "Harbor Ridge Builders" from the demo data catalogue (demo-data/README.md). */
public final class TenantFixtures {

    public static final String BC_SECRET = "bc-sandbox-secret";
    public static final String PROCORE_SECRET = "procore-sandbox-secret";
    public static final String WEBHOOK_TOKEN = "whk-7f3a9c0e1b2d4e5f";
    public static final String CLIENT_STATE = "cs-0a1b2c3d4e5f6789";

    private TenantFixtures() {
    }

    public static Tenant harborRidge() {
        return new Tenant("harbor-ridge", "Harbor Ridge Builders, Inc.",
                new BcSettings("7c1d2e3f-0000-4000-8000-00000000b001", "Production",
                        UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001"), "harbor-ridge-bc-app",
                        Secret.of(BC_SECRET), URI.create("http://127.0.0.1:8091/"), URI.create("http://127.0.0.1:8091/login")),
                new ProcoreSettings(5001234L, "harbor-ridge-procore", Secret.of(PROCORE_SECRET),
                        List.of(2001001L, 2001002L), URI.create("http://127.0.0.1:8092"), URI.create("http://127.0.0.1:8092")),
                Secret.of(WEBHOOK_TOKEN), Secret.of(CLIENT_STATE), null,
                policy());
    }

    /** Harbor Ridge's chart (demo-data/bc): every document type posts with the standard treatment. */
    public static PostingPolicy policy() {
        return new PostingPolicy(Map.of(),
                new PolicyAccounts("2120", "2140", "2130", "1810", "1815", "4910", "4915"), "PROCORE",
                new DimensionCodes("PROJECT", "COSTCODE", "COSTTYPE"));
    }

    /** The same tenant as a tenants-file entry with plain-text secrets (what an operator first writes). */
    public static String plaintextFile() {
        return """
                {
                  "tenants": [
                    {
                      "id": "harbor-ridge",
                      "displayName": "Harbor Ridge Builders, Inc.",
                      "bc": {
                        "aadTenantId": "7c1d2e3f-0000-4000-8000-00000000b001",
                        "environment": "Production",
                        "companyId": "5a1e0000-0000-4000-8000-0000000c0001",
                        "clientId": "harbor-ridge-bc-app",
                        "clientSecret": "%s"
                      },
                      "procore": {
                        "companyId": 5001234,
                        "clientId": "harbor-ridge-procore",
                        "clientSecret": "%s",
                        "projectIds": []
                      },
                      "webhookToken": "%s",
                      "bcClientState": "%s",
                      "postingPolicy": {
                        "documents": { "requisitions": "purchase invoice", "commitments": "do not post",
                                       "commitmentChangeOrders": "do not post", "primeChangeOrders": "do not post" },
                        "retainagePayableAccount": "2120",
                        "expenseClearingAccount": 2140,
                        "accruedPayrollAccount": "2130",
                        "journalBatch": "procore",
                        "dimensionCodes": { "project": "PROJECT", "costCode": "COSTCODE", "costType": "COSTTYPE" }
                      }
                    }
                  ]
                }
                """.formatted(BC_SECRET, PROCORE_SECRET, WEBHOOK_TOKEN, CLIENT_STATE);
    }

    public static List<String> allSecrets() {
        return List.of(BC_SECRET, PROCORE_SECRET, WEBHOOK_TOKEN, CLIENT_STATE);
    }
}
