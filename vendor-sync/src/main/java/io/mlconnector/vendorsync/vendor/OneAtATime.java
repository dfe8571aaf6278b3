package io.mlconnector.vendorsync.vendor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs the work submitted under one key one at a time, in the order it was subscribed, without holding a thread
 * while it waits (a {@code synchronized} block cannot span a reactive flow). Written by hand because resilience4j's
 * reactor {@code Bulkhead} refuses a call when it is full instead of queueing it, and Reactor has no mutex.
 */
final class OneAtATime {

    private final Map<String, Mono<Void>> tails = new ConcurrentHashMap<>();

    <T> Mono<T> run(String key, Mono<T> work) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            Mono<Void> mine = done.asMono();
            Mono<Void> previous = tails.put(key, mine);
            Mono<Void> before = previous == null ? Mono.empty() : previous;
            return before.then(work).doFinally(signal ->
                    // cancelled while still waiting: the next one must still wait for the one before
                    before.subscribe(null, null, () -> {
                        tails.remove(key, mine);
                        done.tryEmitEmpty();
                    }));
        });
    }
}
