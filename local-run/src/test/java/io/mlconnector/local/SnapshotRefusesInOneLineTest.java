package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.local.snapshot.SnapshotCommand;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bin/ml-connector snapshot} refuses what it cannot do in one line that says what to do, exits non-zero, and
 * leaves nothing in {@code --out}: a wrong tenant file, an {@code --out} with something in it, an API it cannot
 * reach, credentials an API refuses.
 */
class SnapshotRefusesInOneLineTest {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Path DEMO_TENANT = HOME.resolve("demo-data/tenants/harbor-ridge.json");
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
    void aMissingTenantFileIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> snapshot(dir.resolve("nope.json"), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ml-connector snapshot: --tenant " + dir.resolve("nope.json") + ": no such file")
                .hasMessageNotContaining("\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutFolderWithSomethingInItIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("earlier.json"), "[]");
        Path tenant = SandboxTenantFile.write(DEMO_TENANT, procore, bc, dir.resolve("tenant.json"));
        procore.clearLog();
        assertThatThrownBy(() -> snapshot(tenant, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ml-connector snapshot: --out " + out + " is not empty; give a new or empty folder (a"
                        + " snapshot never overwrites an earlier one)");
        assertThat(procore.log().requests()).isEmpty();
    }

    @Test
    void anUnreachableApiIsOneLineNamingTheAddress() throws Exception {
        Path tenant = SandboxTenantFile.write(DEMO_TENANT, "http://127.0.0.1:1", bc.apiBaseUrl(), bc.loginBaseUrl(),
                dir.resolve("tenant.json"), t -> { });
        Result result = snapshot(tenant, dir.resolve("out"));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("ml-connector snapshot: cannot reach Procore at http://127.0.0.1:1")
                .contains("check the network connection").hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void credentialsProcoreRefusesNameTheSettingsToCheck() throws Exception {
        Result result = snapshot(withSecret("procore", "wrong"), dir.resolve("out"));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("ml-connector snapshot: Procore refused the app's sign-in (HTTP 401")
                .contains("check procore.clientId / procore.clientSecret").doesNotContain("wrong").hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void credentialsBusinessCentralRefusesNameTheSettingsToCheck() throws Exception {
        Result result = snapshot(withSecret("bc", "wrong"), dir.resolve("out"));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("ml-connector snapshot: Business Central refused the app's sign-in (HTTP 401")
                .contains("check bc.clientId / bc.clientSecret").hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    private Path withSecret(String side, String secret) throws Exception {
        Consumer<ObjectNode> change = t -> ((ObjectNode) t.get(side)).put("clientSecret", secret);
        return SandboxTenantFile.write(DEMO_TENANT, procore.baseUrl(), bc.apiBaseUrl(), bc.loginBaseUrl(),
                dir.resolve("tenant.json"), change);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result snapshot(Path tenant, Path out) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = SnapshotCommand.run(List.of("--tenant", tenant.toString(), "--out", out.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Map.of());
        return new Result(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
