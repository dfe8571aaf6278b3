package io.mlconnector.local.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Loopback ports chosen once and remembered in a state folder, so a restarted run reuses them when free. */
public final class PortFile {

    private final Properties ports;
    private final java.util.List<String> replaced;

    private PortFile(Properties ports, java.util.List<String> replaced) {
        this.ports = ports;
        this.replaced = replaced;
    }

    static PortFile load(Path file, String... names) throws IOException {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            }
        }
        boolean changed = false;
        java.util.List<String> replaced = new java.util.ArrayList<>();
        for (String name : names) {
            String known = props.getProperty(name);
            if (known == null || !isFree(Integer.parseInt(known))) {
                String port = Integer.toString(freePort());
                if (known != null) {
                    replaced.add(name + " port " + known + " was in use; it now listens on " + port);
                }
                props.setProperty(name, port);
                changed = true;
            }
        }
        if (changed) {
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, "loopback ports of the local run");
            }
        }
        return new PortFile(props, java.util.List.copyOf(replaced));
    }

    /** One line per recorded port that was taken and replaced by a new one. */
    java.util.List<String> replaced() {
        return replaced;
    }

    int port(String name) {
        return Integer.parseInt(ports.getProperty(name));
    }

    /** A loopback port free right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** True when nothing listens on this loopback port now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
