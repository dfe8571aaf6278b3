package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards against a replay that resets to something other than what the operator meant. */
class ReplayOptionsRefusedTest {

    @Test
    void exactlyOneTargetAndOneWhereAreRequired() {
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--group", "bc-poster", "--topic", "t", "--bootstrap", "k:9092")))
                .hasMessageContaining("exactly one of --to-offset, --to-datetime, --shift-by");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--group", "g", "--topic", "t", "--to-offset", "0",
                "--shift-by", "-5", "--bootstrap", "k:9092"))).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--group", "g", "--topic", "t", "--to-offset", "0")))
                .hasMessageContaining("--state-dir DIR (a running local run) or --bootstrap");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--topic", "t", "--to-offset", "0", "--bootstrap", "k:1")))
                .hasMessageContaining("--group and --topic are required");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--group", "g", "--topic", "t", "--to-offset", "-1",
                "--bootstrap", "k:1"))).hasMessageContaining("an offset (0 or more)");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--group", "g", "--topic", "t", "--to-datetime",
                "yesterday", "--bootstrap", "k:1"))).hasMessageContaining("ISO-8601");
    }

    @Test
    void datetimeWithoutOffsetIsUtcAndShiftMayBeNegative() {
        assertThat(ReplayCommand.parse(List.of("--group", "g", "--topic", "t", "--to-datetime", "2026-10-01T00:00:00",
                "--bootstrap", "k:1")).toDatetime()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        ReplayCommand.Options shift = ReplayCommand.parse(List.of("--group", "g", "--topic", "t", "--shift-by", "-500",
                "--dry-run", "--state-dir", "/tmp/x"));
        assertThat(shift.shiftBy()).isEqualTo(-500);
        assertThat(shift.dryRun()).isTrue();
    }
}
