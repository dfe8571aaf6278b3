package io.mlconnector.mapping.api;

import reactor.core.publisher.Mono;

/**
 * A management change (save rules, then re-drive) runs to its end even when the client goes away: a cancelled request
 * gets no answer, but the change is not cut short halfway (a half-done re-drive would leave documents parked until the
 * next one); its outcome is logged and stored as usual. Nothing here blocks: the work is subscribed once and the
 * request only listens to it.
 */
final class Detached {
    private Detached() {
    }

    static <T> Mono<T> run(Mono<T> work) {
        return Mono.defer(() -> Mono.fromFuture(work.toFuture(), true));
    }
}
