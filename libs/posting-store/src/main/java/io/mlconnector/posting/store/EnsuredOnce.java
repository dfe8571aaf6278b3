package io.mlconnector.posting.store;

import reactor.core.publisher.Mono;

/**
 * A setup step (creating a collection's indexes) that every operation waits for until it has once succeeded;
 * after that it costs nothing. A failed try (MongoDB not reachable yet) is tried again by the next operation,
 * so a store can be built before MongoDB answers without blocking anyone.
 */
final class EnsuredOnce {

    private final Mono<Void> step;
    private volatile boolean done;

    EnsuredOnce(Mono<Void> step) {
        this.step = step;
    }

    Mono<Void> ensure() {
        return Mono.defer(() -> done ? Mono.<Void>empty() : step.doOnSuccess(ignored -> done = true));
    }
}
