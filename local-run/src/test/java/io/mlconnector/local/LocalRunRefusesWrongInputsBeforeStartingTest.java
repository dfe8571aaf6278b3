package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.tenant.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong or missing folders and files are refused before anything starts (no broker, no sandbox), with one line
 * naming the path and what is expected there — not a stack trace after the services started, nor a 401 from a
 * sandbox that was seeded from an empty folder.
 */
class LocalRunRefusesWrongInputsBeforeStartingTest {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static LocalOptions options(String... args) {
        return LocalOptions.parse(List.of(args), HOME);
    }

    private static String refusal(LocalOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Throwable thrown = null;
        try {
            LocalRun.start(options, out).close();
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("refused").isInstanceOf(IllegalArgumentException.class);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("nothing started").doesNotContain("starting");
        assertThat(thrown.getMessage()).as("one line").doesNotContain("\n").doesNotContain("Exception");
        return thrown.getMessage();
    }

    @Test
    void theDemoInputsPass() {
        Tenant tenant = LocalInputs.check(options(), Map.of());
        assertThat(tenant.id()).isEqualTo("harbor-ridge");
        assertThat(tenant.procore().companyId()).isEqualTo(LocalStack.PROCORE_COMPANY);
    }

    @Test
    void aMissingMappingFile() {
        Path missing = dir.resolve("nope.csv");
        assertThat(refusal(options("--once", "--mapping", missing.toString())))
                .contains("--mapping " + missing + ": no such file; expected the mapping rules CSV");
    }

    @Test
    void aMissingProcoreFolder() {
        Path missing = dir.resolve("procore");
        assertThat(refusal(options("--once", "--procore-data", missing.toString())))
                .contains("--procore-data " + missing + ": no such folder; expected the Procore sandbox data");
    }

    @Test
    void aProcoreFolderWithoutTheTenantsCompany() throws IOException {
        Path procore = Files.createDirectories(dir.resolve("procore"));
        Files.writeString(procore.resolve("companies.json"), "[{\"id\": 42, \"name\": \"Other\"}]");
        assertThat(refusal(options("--once", "--procore-data", procore.toString())))
                .contains("has no company 5001234 (the tenant's procore.companyId) in companies.json; it has [42]");
    }

    @Test
    void aMissingBcFolderAndABcFolderWithoutTheCompany() throws IOException {
        Path missing = dir.resolve("bc");
        assertThat(refusal(options("--once", "--bc-data", missing.toString())))
                .contains("--bc-data " + missing + ": no such folder; expected the Business Central sandbox data");
        Files.createDirectories(missing);
        assertThat(refusal(options("--once", "--bc-data", missing.toString())))
                .contains("has no folder 7c1d2e3f-0000-4000-8000-00000000b001/Production/companies/"
                        + "5a1e0000-0000-4000-8000-0000000c0001");
    }

    @Test
    void aMissingTenantFileAndOneMissingAPolicyAccount() throws IOException {
        Path missing = dir.resolve("tenant.json");
        assertThat(refusal(options("--once", "--tenant", missing.toString())))
                .contains("--tenant " + missing + ": no such file; expected a tenants file");
        String demo = Files.readString(HOME.resolve("demo-data/tenants/harbor-ridge.json"));
        Files.writeString(missing, demo.replace("\"retainagePayableAccount\": \"2120\",", ""));
        assertThat(refusal(options("--once", "--tenant", missing.toString())))
                .contains("postingPolicy.retainagePayableAccount is required because requisitions post as purchase"
                        + " invoices");
    }

    @Test
    void aStateDirWhoseParentIsMissingOrThatIsAFile() throws IOException {
        Path orphan = dir.resolve("no/such/parent/state");
        assertThat(refusal(options("--once", "--state-dir", orphan.toString())))
                .contains("--state-dir " + orphan + ": its parent folder " + orphan.getParent() + " does not exist");
        Path file = Files.writeString(dir.resolve("state"), "x");
        assertThat(refusal(options("--once", "--state-dir", file.toString())))
                .contains("--state-dir " + file + " is a file; expected a folder");
    }

    @Test
    void theCommandLineExitsWithTheLineNotAStackTrace() {
        List<String> lines = new ArrayList<>();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LocalInputs.check(options("--mapping", dir.resolve("x.csv").toString()), Map.of()));
        lines.add(e.getMessage());
        assertThat(lines).singleElement().asString().startsWith("ml-connector local: --mapping ");
        assertThatThrownBy(() -> options("--tenant")).hasMessageContaining("--tenant needs a value");
    }
}
