package io.mlconnector.gateway.dedupe;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes remembered delivery ids past their retention, on a fixed interval. The store call is reactive, so the
 * interval's timer thread only starts it; a failed round is logged and the next one runs on time.
 */
public final class DedupePruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DedupePruner.class);

    private final DeliveryDedupeStore store;
    private final Duration retention;
    private final Duration interval;
    private Disposable rounds;

    public DedupePruner(DeliveryDedupeStore store, Duration retention, Duration interval) {
        this.store = store;
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        rounds = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> pruneOnce(), 1)
                .subscribe();
    }

    Mono<Long> pruneOnce() {
        return store.prune()
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("Pruned {} delivery ids older than {}", deleted, retention);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Pruning the dedupe store failed; will try again: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public synchronized void stop() {
        if (rounds != null) {
            rounds.dispose();
            rounds = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }
}
