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

    private PortFile(Properties ports) {
        this.ports = ports;
    }

    static PortFile load(Path file, String... names) throws IOException {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            }
        }
        boolean changed = false;
        for (String name : names) {
            String known = props.getProperty(name);
            if (known == null || !isFree(Integer.parseInt(known))) {
                props.setProperty(name, Integer.toString(freePort()));
                changed = true;
            }
        }
        if (changed) {
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, "loopback ports of the local run");
            }
        }
        return new PortFile(props);
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

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
