package io.mlconnector.sandbox.procore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run changed in the sandbox is there again after a restart that restores the saved state. */
class SandboxStateKeptBetweenRunsTest {

    private static final Path DEMO = Path.of("../../demo-data/procore");
    private static final long COMPANY = 5001234L;

    @Test
    void vendorWrittenInOneRunIsThereInTheNext(@TempDir Path dir) {
        Path state = dir.resolve("procore-state.json");
        int seeded;
        try (ProcoreSandbox first = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(DEMO))) {
            seeded = first.data().all(Resource.VENDORS, COMPANY).size();
            var vendor = SandboxJson.MAPPER.createObjectNode();
            vendor.put("name", "Summit Survey Group");
            vendor.put("origin_id", "8f3c2a10-0000-4000-a000-000000000030");
            vendor.put("is_active", true);
            first.data().add(Resource.VENDORS, COMPANY, vendor);
            first.data().saveState(state);
        }
        try (ProcoreSandbox second = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(DEMO))) {
            assertThat(second.data().all(Resource.VENDORS, COMPANY)).hasSize(seeded);
            second.data().restoreState(state);
            assertThat(second.data().all(Resource.VENDORS, COMPANY)).hasSize(seeded + 1)
                    .anyMatch(v -> v.path("name").asString().equals("Summit Survey Group"));
            assertThat(second.data().companyOfProject(2001001L)).contains(COMPANY);
        }
    }

    @Test
    void anAnsweredApiWriteIsInTheStateFileWithoutAClose(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("procore-state.json");
        ProcoreSandbox sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(DEMO));
        try {
            sandbox.data().keepStateIn(state);
            String token = SandboxHttp.token(sandbox);
            var created = SandboxHttp.send(sandbox, token, "POST", "/rest/v1.0/vendors",
                    "{\"company_id\":5001234,\"vendor\":{\"name\":\"Durable Drywall LLC\",\"origin_id\":\"V-DURABLE\"}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            // what a restarted sandbox would read while this one still runs (never closed, as after kill -9)
            assertThat(java.nio.file.Files.readString(state)).contains("Durable Drywall LLC");
        } finally {
            sandbox.close();
        }
    }
}
