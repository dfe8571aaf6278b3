package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BC's writes are durable once it answers: with a state file, every write request is in the file before its answer
 * goes out, so a process killed right after (never closed) loses nothing it acknowledged.
 */
class WriteSavedBeforeItIsAnsweredTest {

    private static final String INVOICES = "companies(" + SandboxHttp.COMPANY + ")/purchaseInvoices";

    @Test
    void anAnsweredWriteIsInTheStateFileWithoutAClose(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("bc-state.json");
        BcSandbox sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().statePath(state).build());
        try {
            SandboxHttp http = new SandboxHttp(sandbox).login();
            long savesAfterLogin = sandbox.stateSaves();
            for (int i = 1; i <= 5; i++) {
                SandboxHttp.Answer created = http.call("POST", INVOICES,
                        "{\"vendorNumber\":\"V1010\",\"vendorInvoiceNumber\":\"DURABLE-" + i + "\"}");
                assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
                // read the file as a restarted sandbox would, while this one is still running (never closed)
                assertThat(Files.readString(state)).as("write %d saved before its answer", i).contains("DURABLE-" + i);
            }
            assertThat(sandbox.stateSaves() - savesAfterLogin).as("token requests and reads save nothing")
                    .isBetween(1L, 5L);

            Files.copy(state, dir.resolve("copy.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (BcSandbox fromFile = BcSandbox.start(BcSandboxOptions.demo().toBuilder()
                    .statePath(dir.resolve("copy.json")).build())) {
                assertThat(fromFile.company().purchaseInvoices()).extracting(n -> n.path("vendorInvoiceNumber").asString())
                        .contains("DURABLE-1", "DURABLE-5");
            }
        } finally {
            sandbox.close();
        }
    }
}
