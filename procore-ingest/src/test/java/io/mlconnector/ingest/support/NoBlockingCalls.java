package io.mlconnector.ingest.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Fails a test when anything blocks a non-blocking thread (the HTTP event loops, Reactor's parallel and single
 * schedulers) while it runs: BlockHound (https://github.com/reactor/BlockHound) is installed once per test JVM, every
 * blocking call it catches is remembered, and each test ends by asserting there were none. Remembering matters: the
 * {@link BlockingOperationError} BlockHound throws lands in the pipeline that blocked, where an error handler may
 * turn it into an ordinary answer (a 503) that the test alone would not notice.
 *
 * <p>The test JVM needs {@code -XX:+AllowRedefinitionToAddDeleteMethods} on Java 17 (set in this module's pom).
 */
public final class NoBlockingCalls implements BeforeAllCallback, AfterEachCallback {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final Queue<String> CAUGHT = new ConcurrentLinkedQueue<>();

    /** Installs BlockHound for the rest of this JVM (once; later calls do nothing). */
    public static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        BlockHound.install(builder -> builder
                // Logback writes a log line to the console (the test report) synchronously; the services log from
                // event loops only on refusals and failures, and where lines go in production is the operator's
                // choice of appender, not this code's
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend")
                // the reactive MongoDB driver guards its connection pool and cluster state with short in-memory
                // critical sections (no I/O under the lock); a thread that meets one held parks for microseconds
                .allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithLock")
                .allowBlockingCallsInside("com.mongodb.internal.Locks", "withLock")
                // Netty's HTTP decompressor loads the zstd native library from its jar once, on first use (the
                // test's HTTP client decodes answers with it)
                .allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load")
                // random UUIDs come from SecureRandom, which reads /dev/urandom: that never waits once the kernel's
                // pool is seeded (long before a JVM starts), so it is a blocking call only by its signature
                .allowBlockingCallsInside("java.util.UUID", "randomUUID")
                // ContentRevisions reads its Avro schema from the jar once, when the class is first used (which can be
                // on an event loop); every later call is in memory
                .allowBlockingCallsInside("io.mlconnector.ingest.publish.ContentRevisions", "firstSchema")
                .blockingMethodCallback(method -> {
                    BlockingOperationError error = new BlockingOperationError(method);
                    CAUGHT.add(Thread.currentThread().getName() + ": " + method + describe(error));
                    throw error;
                }));
    }

    /** The blocking calls caught since the last call, forgotten (for a test that blocks on purpose). */
    public static List<String> drain() {
        List<String> caught = new ArrayList<>();
        for (String c = CAUGHT.poll(); c != null; c = CAUGHT.poll()) {
            caught.add(c);
        }
        return caught;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> caught = drain();
        if (!caught.isEmpty()) {
            throw new AssertionError(caught.size() + " blocking call(s) on a non-blocking thread during "
                    + context.getDisplayName() + ":\n" + String.join("\n\n", caught));
        }
    }

    private static String describe(Throwable error) {
        StringBuilder where = new StringBuilder();
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 40); i++) {
            where.append("\n    at ").append(frames[i]);
        }
        return where.toString();
    }
}
