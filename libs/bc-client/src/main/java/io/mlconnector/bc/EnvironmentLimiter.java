package io.mlconnector.bc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * At most N requests in flight per BC environment, shared by every client of that environment in the JVM. BC
 * processes 5 requests per user at once and queues the rest (bc-api.md 6); queueing here instead keeps BC's queue
 * (and its 8-minute 503) out of play. Waiting callers are served first come, first served; a cancelled waiter
 * leaves the queue.
 */
final class EnvironmentLimiter {

    private static final ConcurrentMap<String, EnvironmentLimiter> SHARED = new ConcurrentHashMap<>();

    private final int permits;
    private int inUse;                                  // guarded by this
    private final Deque<MonoSink<Boolean>> waiting = new ArrayDeque<>(); // guarded by this

    EnvironmentLimiter(int permits) {
        this.permits = permits;
    }

    static EnvironmentLimiter forEnvironment(String key, int permits) {
        return SHARED.computeIfAbsent(key, k -> new EnvironmentLimiter(permits));
    }

    <T> Mono<T> run(Mono<T> work) {
        return Mono.usingWhen(acquire(), permit -> work, permit -> release(), (permit, error) -> release(),
                permit -> release());
    }

    private Mono<Boolean> acquire() {
        return Mono.create(sink -> {
            synchronized (this) {
                if (inUse < permits) {
                    inUse++;
                    sink.success(Boolean.TRUE);
                    return;
                }
                waiting.addLast(sink);
            }
            sink.onCancel(() -> {
                synchronized (this) {
                    waiting.remove(sink);
                }
            });
        });
    }

    private Mono<Void> release() {
        return Mono.fromRunnable(() -> {
            MonoSink<Boolean> next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    inUse--;
                }
            }
            if (next != null) {
                next.success(Boolean.TRUE);
            }
        });
    }
}
