package io.mlconnector.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the local run's addresses across restarts: the first run picks free ports and records them in the state
 * folder, a later run gets the same ones back, and a recorded port another program holds is refused in one line
 * naming the port, its listener and what to do, never silently swapped (the sandboxes' saved webhook registrations
 * point at the old gateway port).
 */
class PortsKeptAcrossRestartsTest {

    private static final List<String> NAMES = List.of("procore-sandbox", "bc-sandbox", "webhook-gateway", "bc-poster");

    @Test
    void aSecondLoadGetsTheSamePortsAndWritesNothing(@TempDir Path state) throws Exception {
        Path file = state.resolve(PortRecord.FILE);
        PortRecord first = PortRecord.load(file, NAMES);
        assertThat(first.picked()).containsExactlyElementsOf(NAMES);
        assertThat(NAMES.stream().map(first::port).distinct()).hasSize(NAMES.size());
        // below the ephemeral ranges: no outgoing connection of another program takes them between runs
        assertThat(NAMES.stream().map(first::port))
                .allMatch(p -> p >= PortRecord.FIRST_KEPT_PORT && p <= PortRecord.LAST_KEPT_PORT);
        String written = Files.readString(file);

        PortRecord again = PortRecord.load(file, NAMES);
        assertThat(again.picked()).isEmpty();
        for (String name : NAMES) {
            assertThat(again.port(name)).as(name).isEqualTo(first.port(name));
        }
        assertThat(Files.readString(file)).isEqualTo(written);
    }

    @Test
    void aListenerAddedLaterGetsANewPortAndTheOthersKeepTheirs(@TempDir Path state) throws Exception {
        Path file = state.resolve(PortRecord.FILE);
        PortRecord first = PortRecord.load(file, NAMES.subList(0, 2));
        PortRecord later = PortRecord.load(file, NAMES);
        assertThat(later.picked()).containsExactly("webhook-gateway", "bc-poster");
        assertThat(later.port("procore-sandbox")).isEqualTo(first.port("procore-sandbox"));
        assertThat(later.port("bc-sandbox")).isEqualTo(first.port("bc-sandbox"));
        assertThat(PortRecord.load(file, NAMES).port("bc-poster")).isEqualTo(later.port("bc-poster"));
    }

    @Test
    void aRecordedPortHeldByAnotherProgramIsRefusedSayingWhatToDo(@TempDir Path state) throws Exception {
        Path file = state.resolve(PortRecord.FILE);
        PortRecord first = PortRecord.load(file, NAMES);
        int gateway = first.port("webhook-gateway");
        try (ServerSocket other = new ServerSocket(gateway, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PortRecord.load(file, NAMES))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("port " + gateway + " (webhook-gateway)")
                    .hasMessageContaining("in use by another program")
                    .hasMessageContaining("stop that program")
                    .hasMessageContaining("delete that line from " + file)
                    .hasMessageNotContaining("\n");
        }
        // once the other program is gone the same port is used again
        assertThat(PortRecord.load(file, NAMES).port("webhook-gateway")).isEqualTo(gateway);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheLine(@TempDir Path state) throws Exception {
        Path file = state.resolve(PortRecord.FILE);
        Files.writeString(file, "bc-poster=eighty\n");
        assertThatThrownBy(() -> PortRecord.load(file, NAMES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bc-poster=eighty is not a port");
    }
}
