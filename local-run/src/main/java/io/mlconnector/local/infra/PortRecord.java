package io.mlconnector.local.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The loopback ports of a local run, one per listener, kept in {@code <state dir>/ports.properties}: the first run
 * picks free ports and records them; every later run on the same folder uses the same ones, so bookmarks, scripts and
 * the webhook URLs the sandboxes keep in their saved state (Procore hooks, BC subscriptions point at the gateway) stay
 * valid across restarts.
 *
 * <p>A recorded port that another program holds now is refused, not silently replaced: a new gateway port would
 * leave the saved webhook registrations pointing at nothing, and the usual holder is a run still going on the same
 * folder. The refusal names the ports and the two ways out (stop that program, or delete the line to pick anew).
 */
public final class PortRecord {

    public static final String FILE = "ports.properties";
    static final int FIRST_KEPT_PORT = 20000;
    static final int LAST_KEPT_PORT = 32767;

    private final Path file;
    private final Map<String, Integer> ports;
    private final List<String> picked;

    private PortRecord(Path file, Map<String, Integer> ports, List<String> picked) {
        this.file = file;
        this.ports = ports;
        this.picked = picked;
    }

    /**
     * The ports named, from {@code file} where recorded (each must be free now), new free ones (then recorded)
     * otherwise.
     *
     * @throws IllegalArgumentException one line naming every recorded port in use and what to do
     */
    public static PortRecord load(Path file, List<String> names) throws IOException {
        Properties recorded = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                recorded.load(in);
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (String name : names) {
            String value = recorded.getProperty(name);
            if (value == null) {
                continue;
            }
            int port = parse(file, name, value.trim());
            if (!PortFile.isFree(port)) {
                taken.add(port + " (" + name + ")");
            }
            ports.put(name, port);
        }
        if (!taken.isEmpty()) {
            throw new IllegalArgumentException("port" + (taken.size() == 1 ? " " : "s ") + String.join(", ", taken)
                    + " recorded in " + file + " " + (taken.size() == 1 ? "is" : "are") + " in use by another program"
                    + " (is a local run on this --state-dir still running?): stop that program, or delete "
                    + (taken.size() == 1 ? "that line" : "those lines") + " from " + file + " to pick new ports"
                    + " (webhook registrations kept in the sandboxes' state then point at the old gateway port"
                    + " until re-registered)");
        }
        List<String> picked = new ArrayList<>();
        for (String name : names) {
            if (!ports.containsKey(name)) {
                int port;
                do {
                    port = pickFree();
                } while (ports.containsValue(port));
                ports.put(name, port);
                recorded.setProperty(name, Integer.toString(port));
                picked.add(name);
            }
        }
        if (!picked.isEmpty()) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                recorded.store(out, "loopback ports of the local run, kept between runs; delete a line to pick anew");
            }
        }
        return new PortRecord(file, Map.copyOf(ports), List.copyOf(picked));
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port recorded for " + name + " in " + file);
        }
        return port;
    }

    /** The names that got a new port in this load (all of them on a first run). */
    public List<String> picked() {
        return picked;
    }

    public Path file() {
        return file;
    }

    /**
     * A free port below the operating systems' ephemeral ranges (Linux 32768-60999, macOS and Windows 49152-65535, see
     * RFC 6335 section 6), so that on a later start the port is not held by some program's outgoing connection, which
     * takes its local port from that range. Falls back to any free port.
     */
    private static int pickFree() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = random.nextInt(FIRST_KEPT_PORT, LAST_KEPT_PORT + 1);
            if (PortFile.isFree(port)) {
                return port;
            }
        }
        return PortFile.freePort();
    }

    private static int parse(Path file, String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": " + name + "=" + value + " is not a port (1-65535); correct it,"
                + " or delete the line to pick a new port");
    }
}
