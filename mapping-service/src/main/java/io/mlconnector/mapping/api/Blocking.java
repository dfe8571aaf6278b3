package io.mlconnector.mapping.api;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The administration talks to MongoDB (sync driver), BC and Kafka: never on an event-loop thread. The work is
 * detached from the request: a client that cancels gets no answer, but the work is not interrupted halfway (an
 * interrupted re-drive could leave claims or half-published changes behind); it finishes and its outcome is logged
 * and stored as usual.
 */
final class Blocking {
    private Blocking() {
    }

    static <T> Mono<T> call(Callable<T> work) {
        CompletableFuture<T> detached = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, task -> Schedulers.boundedElastic().schedule(task));
        return Mono.fromFuture(detached, true).onErrorMap(CompletionException.class,
                e -> e.getCause() != null ? e.getCause() : e);
    }
}
