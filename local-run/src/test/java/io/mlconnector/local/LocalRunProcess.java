package io.mlconnector.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code bin/ml-connector local ...} as a real child process (the launcher's main class, classes and classpath),
 * so a test can do to it what an operator or a crash does: SIGTERM, or SIGKILL of the whole process tree.
 */
final class LocalRunProcess implements AutoCloseable {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    static {
        // whatever fails, no local run (nor its broker) outlives the test JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(LocalRunProcess::killTree)));
    }

    private final Process process;
    private final Path log;

    private LocalRunProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LocalRunProcess start(Path log, String... localArgs) throws IOException {
        String classpathFile = System.getProperty("mlc.classpath-file");
        String dependencies = Files.readString(Path.of(classpathFile)).trim();
        String classes = HOME.resolve("local-run/target/classes").toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dmlc.home=" + HOME, "-Dmlc.classpath-file=" + classpathFile,
                "-cp", classes + java.io.File.pathSeparator + dependencies,
                LocalConnectorMain.class.getName(), "local"));
        command.addAll(List.of(localArgs));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start(); // a fresh log per start
        STARTED.add(process);
        return new LocalRunProcess(process, log);
    }

    /** Waits for a line of the run's output; fails at once if the run exits first. */
    void awaitOutput(Pattern line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && line.matcher(Files.readString(log)).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the local run exited with " + process.exitValue() + " before printing '"
                        + line + "'; see " + log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + line + "' within " + timeout + "; see " + log);
    }

    /** Waits until this run has posted {@code count} documents (its log says so); false if it ended first. */
    boolean awaitPostings(int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (POSTED.matcher(Files.readString(log)).results().count() >= count) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static final Pattern POSTED = Pattern.compile("PostingWorkflow +posted ");

    boolean isAlive() {
        return process.isAlive();
    }

    /** Every process of the run right now: the launcher JVM and its children (the broker). */
    List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        return all;
    }

    /** SIGKILL of the launcher only: what its children do then is up to them. */
    void killLauncherOnly() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGKILL of the whole process tree at once: no shutdown hook, no flush, no offset commit, anywhere. */
    void killTree() {
        killTree(process);
    }

    private static void killTree(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> p).join());
    }

    /** SIGTERM, as Ctrl-C or a service manager sends it; the exit code once the run has stopped. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killTree();
            throw new AssertionError("the local run did not stop within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killTree();
            throw new AssertionError("the local run did not finish within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killTree();
        }
    }
}
