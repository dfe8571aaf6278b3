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
 * A real single-node Kafka broker in KRaft mode, run as a child JVM on loopback (format the storage with
 * {@code kafka.tools.StorageTool}, then start {@code kafka.Kafka}). A child process keeps the broker's own logging
 * and threads away from the services, and lets its log directory live in the state folder so topics survive
 * between runs. Ports are remembered in that folder too, because the KRaft controller's address is part of the
 * quorum it recorded.
 *
 * <p>The child never outlives the local run: it watches a pipe from this process ({@link BrokerMain}) and shuts
 * down when it closes. A broker left behind by an earlier run on the same folder (its pid is kept in
 * {@code broker.pid}) is given time to finish and then stopped before a new one starts, so its log-directory lock
 * cannot block the start. A broker that dies on its own while the run goes on is started again.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    /** Restarts in a row after which a broker that keeps dying is left down (its log says why). */
    private static final int MAX_QUICK_RESTARTS = 5;
    /** Names the broker's folder on its command line. */
    public static final String DIR_PROPERTY = "mlc.broker.dir";
    private static final Duration QUICK = Duration.ofSeconds(30);

    private final Path dir;
    private final int brokerPort;
    private List<String> portsReplaced = List.of();
    private final List<String> command;
    private volatile Process process;
    private volatile boolean closing;
    private volatile boolean gaveUp;
    private volatile Instant startedAt;
    private int quickRestarts;
    private int restarts;

    private KafkaBroker(Path dir, int brokerPort, List<String> command) {
        this.dir = dir;
        this.brokerPort = brokerPort;
        this.command = command;
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
        stopLeftover(dir.resolve("broker.pid"), config);
        String ownClasses = codeSource(BrokerMain.class);
        List<String> command = javaCommand(ownClasses + java.io.File.pathSeparator + classpath, logback,
                BrokerMain.class.getName(), config.toString());
        KafkaBroker broker = new KafkaBroker(dir, brokerPort, command);
        broker.portsReplaced = ports.replaced();
        broker.launch();
        broker.awaitReady(Duration.ofSeconds(90));
        return broker;
    }

    /**
     * The broker's recorded ports that were in use at start and were replaced (usually by a broker an earlier run left
     * behind, stopped just after): nothing outside this run keeps the broker's address, so a new port is harmless.
     */
    public List<String> portsReplaced() {
        return portsReplaced;
    }

    private synchronized void launch() throws IOException {
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile()))
                .start(); // standard input stays a pipe from this process: BrokerMain's lifeline
        process = started;
        startedAt = Instant.now();
        Files.writeString(dir.resolve("broker.pid"), started.pid() + "\n");
        started.onExit().thenRun(() -> restartIfDiedAlone(started));
    }

    /** A broker that exits while the local run still needs it is started again (bounded, with its log named). */
    private void restartIfDiedAlone(Process dead) {
        synchronized (this) {
            if (closing || dead != process) {
                return;
            }
            quickRestarts = Duration.between(startedAt, Instant.now()).compareTo(QUICK) < 0 ? quickRestarts + 1 : 0;
            if (quickRestarts > MAX_QUICK_RESTARTS) {
                log.error("Kafka broker keeps exiting (code {}); left down: see {} and broker.log", dead.exitValue(),
                        dir.resolve("broker.out"));
                gaveUp = true;
                return;
            }
            log.warn("Kafka broker exited on its own (code {}); starting it again", dead.exitValue());
            try {
                launch();
                restarts++;
            } catch (IOException e) {
                log.error("Kafka broker could not be started again: {}", e.toString());
                return;
            }
        }
        try {
            awaitReady(Duration.ofSeconds(90));
        } catch (Exception e) {
            log.warn("Kafka broker restarted but not ready yet: {}", e.getMessage());
        }
    }

    /** How many times a broker that died alone was started again (the reliability figures count them). */
    public synchronized int restarts() {
        return restarts;
    }

    /** The broker child right now (it changes when a dead broker is started again). */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /**
     * A broker of an earlier run on this folder that is still alive (its run was killed before the watch existed,
     * or it is still shutting down after its run ended) holds the log directory's lock: wait for it, then stop it.
     */
    private static void stopLeftover(Path pidFile, Path config) throws IOException, InterruptedException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return;
        }
        var leftover = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("-D" + DIR_PROPERTY + "=" + config.getParent().toAbsolutePath() + " "))
                        .orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle old = leftover.get();
        log.warn("a Kafka broker of an earlier run (pid {}) still holds {}; stopping it", pid, config.getParent());
        try {
            old.onExit().get(20, TimeUnit.SECONDS); // it shuts down by itself once its run is gone
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
            old.destroy();
            try {
                old.onExit().get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stuck) {
                old.destroyForcibly();
                old.onExit().join();
            }
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
            if (closing && restarts > 0) {
                return; // a restart that was still waiting when the run stopped
            }
            if (!process.isAlive() && (closing || gaveUp)) {
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
        // early on the command line, which the OS may show cut short: how a broker of this folder is recognised
        command.add("-D" + DIR_PROPERTY + "=" + logback.toAbsolutePath().getParent());
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
        Process process;
        synchronized (this) {
            closing = true;
            process = this.process;
        }
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
