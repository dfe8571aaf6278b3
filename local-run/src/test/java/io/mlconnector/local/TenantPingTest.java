package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.Secret;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.tenant.BcSettings;
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

    private static Tenant tenant(String bcSecret, long procoreCompany, UUID bcCompany) {
        return new Tenant("harbor-ridge", "Harbor Ridge Builders",
                new BcSettings(LocalStack.BC_TENANT, LocalStack.BC_ENVIRONMENT, bcCompany, LocalStack.BC_CLIENT_ID,
                        Secret.of(bcSecret), URI.create(bc.apiBaseUrl()), URI.create(bc.loginBaseUrl())),
                new ProcoreSettings(procoreCompany, LocalStack.PROCORE_CLIENT_ID, Secret.of(LocalStack.PROCORE_CLIENT_SECRET),
                        List.of(), URI.create(procore.baseUrl()), URI.create(procore.baseUrl())),
                Secret.of("webhook-token"), Secret.of("client-state"), null, null);
    }
}
