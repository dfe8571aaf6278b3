package io.mlconnector.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode, run as a child JVM on loopback (STACK.md: format the
 * storage with {@code kafka.tools.StorageTool}, then start {@code kafka.Kafka}). A child process keeps
 * the broker's own logging and threads away from the services, and lets its log directory live in the
 * state folder so topics survive between runs. Ports are remembered in that folder too, because the
 * KRaft controller's address is part of the quorum it recorded.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final Path dir;
    private final int brokerPort;
    private final Process process;

    private KafkaBroker(Path dir, int brokerPort, Process process) {
        this.dir = dir;
        this.brokerPort = brokerPort;
        this.process = process;
    }

    /** Formats (first time only) and starts a broker whose data lives in {@code dir}. */
    public static KafkaBroker start(Path dir, String classpath) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path logDir = dir.resolve("data");
        PortFile ports = PortFile.load(dir.resolve("ports.properties"), "broker", "controller");
        int brokerPort = ports.port("broker");
        int controllerPort = ports.port("controller");

        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1",
                "") + "\n");
        Path logback = dir.resolve("broker-logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level %%logger{30} - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="FILE"/></root>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                </configuration>
                """.formatted(dir.resolve("broker.log").toAbsolutePath()));

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = runTool(dir, classpath, logback, "kafka.tools.StorageTool", "random-uuid").trim();
            clusterId = clusterId.lines().reduce((a, b) -> b).orElse(clusterId).trim();
            runTool(dir, classpath, logback, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString());
        }
        List<String> command = javaCommand(classpath, logback, "kafka.Kafka", config.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile()))
                .start();
        KafkaBroker broker = new KafkaBroker(dir, brokerPort, process);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        broker.awaitReady(Duration.ofSeconds(90));
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + "; see " + dir.resolve("broker.out") + " and broker.log");
            }
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                log.info("Kafka broker (KRaft) ready on {}", bootstrapServers());
                return;
            } catch (Exception notYet) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("Kafka broker did not become ready within " + timeout);
    }

    private static String runTool(Path dir, String classpath, Path logback, String main, String... args)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(classpath, logback, main, args);
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes());
        if (tool.waitFor() != 0) {
            throw new IllegalStateException(main + " failed in " + dir + ":\n" + output);
        }
        return output;
    }

    private static List<String> javaCommand(String classpath, Path logback, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the broker shuts down cleanly and keeps its log consistent
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
