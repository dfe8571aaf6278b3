package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.Secret;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.DimensionCodes;
import io.mlconnector.tenant.PolicyAccounts;
import io.mlconnector.tenant.PostingPolicy;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ml-connector ping} against both sandboxes: plain answers for good and bad credentials. */
class TenantPingTest {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static BcSandbox bc;
    private static ProcoreSandbox procore;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        bc = BcSandbox.start(BcSandboxOptions.builder().dataDir(HOME.resolve("demo-data/bc")).build());
        procore = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(HOME.resolve("demo-data/procore")));
    }

    @AfterAll
    static void stop() {
        bc.close();
        procore.close();
    }

    @Test
    void goodCredentialsPassEveryCheck() {
        String out = ping(tenant(LocalStack.BC_CLIENT_SECRET, LocalStack.PROCORE_COMPANY, LocalStack.BC_COMPANY));
        assertThat(out).contains("ok    Business Central token", "company 'Harbor Ridge Builders' found",
                "ok    Procore token", "5 projects visible, 5 to sync", "all checks passed");
        assertThat(out).doesNotContain(LocalStack.BC_CLIENT_SECRET, LocalStack.PROCORE_CLIENT_SECRET);
    }

    @Test
    void everyPolicyAccountTheBatchAndTheDimensionCodesAreCheckedInTheTenantsCompany() {
        PostingPolicy good = HARBOR_RIDGE_POLICY;
        String out = ping(tenant(LocalStack.BC_CLIENT_SECRET, LocalStack.PROCORE_COMPANY, LocalStack.BC_COMPANY, good));
        assertThat(out).contains("ok    postingPolicy.retainagePayableAccount 2120 'Retainage Payable'",
                "ok    postingPolicy.contractValueContraAccount 4915", "ok    postingPolicy.journalBatch PROCORE exists",
                "ok    postingPolicy.dimensionCodes.costType COSTTYPE exists", "all checks passed");
    }

    @Test
    void aPolicyAccountThatCannotTakePostingsIsNamedWithWhatToDo() {
        PostingPolicy bad = new PostingPolicy(Map.of(),
                new PolicyAccounts("2999", "5100", "5190", "2110", "1815", "4910", "4915"), "PROCORE2",
                new DimensionCodes("JOB", "COSTCODE", "COSTTYPE"));
        String out = ping(tenant(LocalStack.BC_CLIENT_SECRET, LocalStack.PROCORE_COMPANY, LocalStack.BC_COMPANY, bad));
        assertThat(out).contains(
                "FAIL  postingPolicy.retainagePayableAccount 2999: company 'Harbor Ridge Builders' has no G/L account 2999",
                "FAIL  postingPolicy.expenseClearingAccount 5100: 'Job Costs' is a Heading account",
                "FAIL  postingPolicy.accruedPayrollAccount 5190: 'Job Cost - Obsolete' is blocked in Business Central",
                "FAIL  postingPolicy.commitmentAccount 2110: 'Accounts Payable' does not allow direct posting",
                "ok    postingPolicy.commitmentContraAccount 1815",
                "FAIL  postingPolicy.journalBatch PROCORE2: company 'Harbor Ridge Builders' has no general journal batch",
                "FAIL  postingPolicy.dimensionCodes.project JOB: company 'Harbor Ridge Builders' has no dimension JOB",
                "some checks failed");
    }

    @Test
    void aTenantFileMissingARequiredAccountFailsNamingTheSetting() throws Exception {
        Path file = dir.resolve("tenants.json");
        java.nio.file.Files.writeString(file, """
                {"tenants":[{"id":"northwind","bc":{"aadTenantId":"contoso.onmicrosoft.com","environment":"Production",
                  "companyId":"5a1e0000-0000-4000-8000-0000000c0001","clientId":"a","clientSecret":"s"},
                  "procore":{"companyId":562949953421312,"clientId":"p","clientSecret":"s"},
                  "webhookToken":"w","bcClientState":"c",
                  "postingPolicy":{"journalBatch":"PROCORE","expenseClearingAccount":"2140","accruedPayrollAccount":"2130",
                    "commitmentAccount":"1810","commitmentContraAccount":"1815","contractValueAccount":"4910",
                    "contractValueContraAccount":"4915",
                    "dimensionCodes":{"project":"JOB","costCode":"COSTCODE","costType":"COSTTYPE"}}}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = TenantPing.run(List.of("--tenant", file.toString(), "--allow-plaintext"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());
        assertThat(exit).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("FAIL  tenants file", "('northwind')",
                "postingPolicy.retainagePayableAccount is required because requisitions post as purchase invoices;"
                        + " set it or set postingPolicy.documents.requisitions to \"do not post\"");
    }

    @Test
    void aWrongSecretAndAWrongCompanyAreNamedPlainly() {
        String out = ping(tenant("not-the-secret", 999L, UUID.fromString("00000000-0000-4000-8000-000000000001")));
        assertThat(out).contains("FAIL  Business Central token", "AADSTS7000215", "the client secret is wrong",
                "FAIL  Procore API", "App is not connected to this company", "install the app", "some checks failed");
        assertThat(out).doesNotContain("not-the-secret");
    }

    private String ping(Tenant tenant) {
        Path file = dir.resolve("tenants.json");
        String keys = KeyRing.generateEntry("k1");
        new TenantFile(new SecretCipher(KeyRing.parse(keys))).write(file, List.of(tenant));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TenantPing.run(List.of("--tenant", file.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                java.util.Map.of(KeyRing.ENV_VAR, keys));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Harbor Ridge's policy as demo-data/tenants/harbor-ridge.json sets it. */
    static final PostingPolicy HARBOR_RIDGE_POLICY = new PostingPolicy(Map.of(),
            new PolicyAccounts("2120", "2140", "2130", "1810", "1815", "4910", "4915"), "PROCORE",
            new DimensionCodes("PROJECT", "COSTCODE", "COSTTYPE"));

    private static Tenant tenant(String bcSecret, long procoreCompany, UUID bcCompany) {
        return tenant(bcSecret, procoreCompany, bcCompany, HARBOR_RIDGE_POLICY);
    }

    private static Tenant tenant(String bcSecret, long procoreCompany, UUID bcCompany, PostingPolicy policy) {
        return new Tenant("harbor-ridge", "Harbor Ridge Builders",
                new BcSettings(LocalStack.BC_TENANT, LocalStack.BC_ENVIRONMENT, bcCompany, LocalStack.BC_CLIENT_ID,
                        Secret.of(bcSecret), URI.create(bc.apiBaseUrl()), URI.create(bc.loginBaseUrl())),
                new ProcoreSettings(procoreCompany, LocalStack.PROCORE_CLIENT_ID, Secret.of(LocalStack.PROCORE_CLIENT_SECRET),
                        List.of(), URI.create(procore.baseUrl()), URI.create(procore.baseUrl())),
                Secret.of("webhook-token"), Secret.of("client-state"), null, policy);
    }
}
