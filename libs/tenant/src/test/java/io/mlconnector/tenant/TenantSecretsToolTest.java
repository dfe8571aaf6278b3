package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantSecretsToolTest {

    private static final Map<String, String> ENV = Map.of(KeyRing.ENV_VAR, TestKeys.K1);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void encryptReadsStdinWithoutItsNewlineAndPrintsTheEncryptedForm() {
        int status = run(ENV, "bc-sandbox-secret\n", "encrypt");

        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(printed).startsWith("enc:v1:k1:").doesNotContain("bc-sandbox-secret");
        assertThat(new SecretCipher(KeyRing.parse(TestKeys.K1)).decrypt(printed).reveal()).isEqualTo("bc-sandbox-secret");
    }

    @Test
    void encryptFileEncryptsInPlace() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, TenantFixtures.plaintextFile());

        assertThat(run(ENV, "", "encrypt-file", file.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("encrypted 4 secret value(s)");
        String raw = Files.readString(file);
        TenantFixtures.allSecrets().forEach(secret -> assertThat(raw).doesNotContain(secret));
    }

    @Test
    void generateKeyPrintsAUsableEntry() {
        assertThat(run(Map.of(), "", "generate-key", "k7")).isZero();

        String entry = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(KeyRing.parse(entry).currentKeyId()).isEqualTo("k7");
    }

    @Test
    void missingKeysAndUnknownCommandsFailClearly() {
        assertThat(run(Map.of(), "x", "encrypt")).isEqualTo(TenantSecretsTool.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(KeyRing.ENV_VAR);
        assertThat(run(ENV, "", "decrypt")).isEqualTo(TenantSecretsTool.USAGE);
    }

    private int run(Map<String, String> env, String stdin, String... args) {
        return TenantSecretsTool.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }
}
