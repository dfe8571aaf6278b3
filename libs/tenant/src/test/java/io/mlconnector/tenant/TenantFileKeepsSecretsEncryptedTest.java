package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFileKeepsSecretsEncryptedTest {

    @TempDir
    Path dir;

    private final SecretCipher cipher = new SecretCipher(KeyRing.parse(TestKeys.K1));
    private final TenantFile tenantFile = new TenantFile(cipher);

    @Test
    void roundTripsWithEverySecretEncryptedOnDisk() throws IOException {
        Path file = dir.resolve("tenants.json");
        Tenant written = TenantFixtures.harborRidge();

        tenantFile.write(file, List.of(written));

        String raw = Files.readString(file);
        for (String secret : TenantFixtures.allSecrets()) {
            assertThat(raw).doesNotContain(secret);
        }
        assertThat(raw.split("enc:v1:k1:", -1)).hasSize(1 + TenantFile.SECRET_FIELDS.size());
        assertThat(tenantFile.read(file)).containsExactly(written);
    }

    @Test
    void aPlaintextSecretIsRefusedWithTheCommandToRun() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, TenantFixtures.plaintextFile());

        assertThatThrownBy(() -> tenantFile.read(file))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("harbor-ridge")
                .hasMessageContaining("bc.clientSecret is stored in plain text")
                .hasMessageContaining("encrypt-file")
                .hasMessageNotContaining(TenantFixtures.BC_SECRET);
    }

    @Test
    void plaintextIsAcceptedOnlyWhenExplicitlyAllowedForTheSandbox() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, TenantFixtures.plaintextFile());

        Tenant tenant = TenantFile.allowingPlaintextSecrets(null).read(file).get(0);

        assertThat(tenant.bc().clientSecret().reveal()).isEqualTo(TenantFixtures.BC_SECRET);
        assertThat(tenant.procore().projectIds()).isEmpty();
        assertThat(tenant.postingPolicy().accounts().retainagePayable()).isEqualTo("2120");
        assertThat(tenant.postingPolicy().treatmentOf(DocumentType.COMMITMENT)).isEqualTo(Treatment.DO_NOT_POST);
    }

    @Test
    void encryptInPlaceLeavesNoPlaintextAndKeepsTheRest() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, TenantFixtures.plaintextFile());

        assertThat(tenantFile.encryptPlaintextSecrets(file)).isEqualTo(4);
        assertThat(tenantFile.encryptPlaintextSecrets(file)).isZero(); // already encrypted: untouched

        String raw = Files.readString(file);
        TenantFixtures.allSecrets().forEach(secret -> assertThat(raw).doesNotContain(secret));
        Tenant tenant = tenantFile.read(file).get(0);
        assertThat(tenant.procore().clientSecret().reveal()).isEqualTo(TenantFixtures.PROCORE_SECRET);
        assertThat(tenant.webhookToken().reveal()).isEqualTo(TenantFixtures.WEBHOOK_TOKEN);
        assertThat(tenant.bcClientState().reveal()).isEqualTo(TenantFixtures.CLIENT_STATE);
        assertThat(tenant.displayName()).isEqualTo("Harbor Ridge Builders, Inc.");
    }

    @Test
    void rotatingTheFileMovesEverySecretToTheNewKey() throws IOException {
        Path file = dir.resolve("tenants.json");
        tenantFile.write(file, List.of(TenantFixtures.harborRidge()));
        TenantFile afterRotation = new TenantFile(new SecretCipher(KeyRing.parse(TestKeys.K2 + "," + TestKeys.K1)));

        assertThat(afterRotation.rotateSecrets(file)).isEqualTo(4);

        assertThat(Files.readString(file)).doesNotContain("enc:v1:k1:").contains("enc:v1:k2:");
        assertThat(new TenantFile(new SecretCipher(KeyRing.parse(TestKeys.K2))).read(file))
                .containsExactly(TenantFixtures.harborRidge());
    }

    @Test
    void aSecretUnderAnotherKeyNamesTheTenantAndFieldButNotTheValue() {
        Path file = dir.resolve("other-key.json");
        new TenantFile(new SecretCipher(KeyRing.parse("k1:" + TestKeys.key(5))))
                .write(file, List.of(TenantFixtures.harborRidge()));

        assertThatThrownBy(() -> tenantFile.read(file))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("harbor-ridge")
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining(TenantFixtures.BC_SECRET);
    }

    @Test
    void invalidJsonIsReportedByPositionWithoutQuotingTheFile() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, "{\"tenants\": [ {\"webhookToken\": super-secret-token } ]}");

        assertThatThrownBy(() -> tenantFile.read(file))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("super-secret-token");
    }

    @Test
    void typosAndDuplicatesAreRefused() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, TenantFixtures.plaintextFile().replace("\"environment\"", "\"enviroment\""));
        assertThatThrownBy(() -> TenantFile.allowingPlaintextSecrets(null).read(file))
                .hasMessageContaining("unknown field bc.enviroment");

        String one = TenantFixtures.plaintextFile();
        String entry = one.substring(one.indexOf('[') + 1, one.lastIndexOf(']'));
        Files.writeString(file, "{\"tenants\":[" + entry + "," + entry + "]}");
        assertThatThrownBy(() -> TenantFile.allowingPlaintextSecrets(null).read(file))
                .hasMessageContaining("appears more than once");
    }

    @Test
    void theRegistryServesTenantsById() {
        Path file = dir.resolve("tenants.json");
        tenantFile.write(file, List.of(TenantFixtures.harborRidge()));

        FileTenantRegistry registry = new FileTenantRegistry(file, tenantFile);

        assertThat(registry.all()).extracting(Tenant::id).containsExactly("harbor-ridge");
        assertThat(registry.byId("harbor-ridge")).contains(TenantFixtures.harborRidge());
        assertThat(registry.byId("nobody")).isEmpty();
    }
}
