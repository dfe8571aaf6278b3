package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox with a state file finds, after a restart, what the previous run changed (as a real BC would). */
class SandboxStateKeptBetweenRunsTest {

    @Test
    void changesSurviveARestartAndSeedDataDoesNotOverwriteThem(@TempDir Path dir) {
        Path state = dir.resolve("bc-state.json");
        BcSandboxOptions options = BcSandboxOptions.demo().toBuilder().statePath(state).build();

        try (BcSandbox first = BcSandbox.start(options)) {
            assertThat(first.company().vendor("V1010").path("blocked").asString()).isEqualTo(" ");
            first.company().setVendorBlocked("V1010", "All");
        }
        assertThat(state).exists();

        try (BcSandbox second = BcSandbox.start(options)) {
            assertThat(second.company().vendor("V1010").path("blocked").asString()).isEqualTo("All");
        }

        try (BcSandbox withoutState = BcSandbox.start(BcSandboxOptions.demo())) {
            assertThat(withoutState.company().vendor("V1010").path("blocked").asString()).isEqualTo(" ");
        }
    }

    @Test
    void noStateFileMeansASeededStart(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("missing.json");
        try (BcSandbox sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().statePath(state).build())) {
            assertThat(sandbox.company().vendor("V1010")).isNotNull();
        }
        assertThat(Files.size(state)).isPositive();
    }
}
