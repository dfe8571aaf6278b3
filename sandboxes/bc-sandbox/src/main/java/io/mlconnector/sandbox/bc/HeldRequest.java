package io.mlconnector.sandbox.bc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One armed hold from {@link BcSandbox#holdNext}: it catches the next request matching its predicate, keeps it at its
 * {@link HoldPoint} until {@link #release()}, and lets a test wait until a request is caught. A release before a
 * request arrives disarms the hold. Used to stop a caller at an exact step of a BC conversation (and kill it there).
 */
public final class HeldRequest {

    private final Predicate<String> methodAndPath;
    private final HoldPoint point;
    private final CountDownLatch caught = new CountDownLatch(1);
    private final Sinks.Empty<Void> released = Sinks.empty();
    private volatile String request;
    private volatile boolean callerGone;

    HeldRequest(Predicate<String> methodAndPath, HoldPoint point) {
        this.methodAndPath = methodAndPath;
        this.point = point;
    }

    public HoldPoint point() {
        return point;
    }

    /**
     * Waits until a matching request is held.
     *
     * @return the held request as {@code "METHOD /path?query"}
     * @throws IllegalStateException when none arrived within {@code timeout}
     */
    public String awaitHeld(Duration timeout) throws InterruptedException {
        if (!caught.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no request matching the " + point + " hold arrived within " + timeout);
        }
        return request;
    }

    /** True once a matching request is being (or was) held. */
    public boolean isHeld() {
        return caught.getCount() == 0;
    }

    /** Lets the held request go on (or disarms the hold if nothing was caught yet). */
    public void release() {
        released.tryEmitEmpty();
    }

    /** True when the caller of the held request hung up while it was held (its answer was never sent). */
    public boolean callerGone() {
        return callerGone;
    }

    boolean matches(String methodAndPath) {
        return this.methodAndPath.test(methodAndPath);
    }

    /** Called by the sandbox when this hold catches a request (the hold is no longer armed). */
    void caught(String methodAndPath) {
        request = methodAndPath;
    }

    /** The held request waits on this; it completes on {@link #release()}. Counts the request as held. */
    Mono<Void> hold() {
        caught.countDown();
        return released.asMono();
    }

    void callerGone(boolean gone) {
        callerGone = gone;
    }
}
