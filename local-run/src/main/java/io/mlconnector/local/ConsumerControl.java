package io.mlconnector.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The local run's control for {@code bin/ml-connector replay}: stops and starts the listener containers of one
 * consumer group (only those: the rest of the run keeps going), because Kafka resets a group's offsets only while it
 * has no members. Loopback only, behind a random token; its address and token are written to
 * {@code <state dir>/control.json} (owner-only), which the replay command reads.
 * <pre>
 * POST /consumers/{group}/stop    204 once every container of the group has stopped (404: no such group here)
 * POST /consumers/{group}/start   204
 * </pre>
 */
final class ConsumerControl implements AutoCloseable {

    static final String FILE = "control.json";

    private final HttpServer server;
    private final byte[] token;

    private ConsumerControl(HttpServer server, byte[] token) {
        this.server = server;
        this.token = token;
    }

    static ConsumerControl start(Supplier<List<ConfigurableApplicationContext>> contexts, Path stateDir,
                                 String bootstrapServers) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ConsumerControl control = new ConsumerControl(server, token.getBytes(StandardCharsets.US_ASCII));
        server.createContext("/consumers/", exchange -> control.handle(exchange, contexts.get()));
        server.start();
        Path file = stateDir.resolve(FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "{\"bootstrap\":\"" + bootstrapServers + "\",\"control\":\"http://127.0.0.1:"
                + server.getAddress().getPort() + "\",\"token\":\"" + token + "\"}\n");
        return control;
    }

    private void handle(HttpExchange exchange, List<ConfigurableApplicationContext> contexts) throws IOException {
        try (exchange) {
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                    ("Bearer " + new String(token, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String[] parts = exchange.getRequestURI().getPath().split("/"); // "", consumers, group, action
            if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 4
                    || !(parts[3].equals("stop") || parts[3].equals("start"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            List<MessageListenerContainer> containers = contexts.stream()
                    .flatMap(c -> c.getBeanProvider(KafkaListenerEndpointRegistry.class).stream())
                    .flatMap(r -> r.getListenerContainers().stream())
                    .filter(c -> parts[2].equals(c.getGroupId()))
                    .toList();
            if (containers.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            for (MessageListenerContainer container : containers) {
                if (parts[3].equals("stop")) {
                    container.stop(); // returns once the consumer has committed and left the group
                } else if (!container.isRunning()) {
                    container.start();
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
