package io.mlconnector.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;

/**
 * {@code @ExtendWith(NoBlockingCalls.class)}: installs BlockHound (https://github.com/reactor/BlockHound) once per
 * test JVM, so a blocking call (socket or file I/O, sleep, lock wait, {@code Mono.block()}) on a non-blocking thread
 * (Reactor Netty event loops, Reactor's parallel and single schedulers) fails with
 * {@code reactor.blockhound.BlockingOperationError}. On Java 17 the test JVM needs
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods} (Surefire/Failsafe {@code argLine}); the module declares
 * {@code io.projectreactor.tools:blockhound} in test scope.
 * <p>
 * Allowed, and only these: writing a log line (Logback's appenders take a lock and write to the console or a file;
 * a test's log output is not the service's work, and refusing it would fail every test that logs on an event loop);
 * {@code UUID.randomUUID()}, whose SecureRandom reads {@code /dev/urandom}, which never waits for entropy (see
 * random(4) in the Linux man pages) but is a file read to BlockHound.
 */
public final class NoBlockingCalls implements BeforeAllCallback {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    /** Idempotent: BlockHound instruments the JVM once. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            BlockHound.install(builder -> builder
                    .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend")
                    .allowBlockingCallsInside("java.util.UUID", "randomUUID"));
        }
    }
}
