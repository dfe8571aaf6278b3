package io.mlconnector.gateway.dedupe;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes remembered delivery ids past their retention, on a fixed interval, on its own thread. */
public final class DedupePruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DedupePruner.class);

    private final DeliveryDedupeStore store;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public DedupePruner(DeliveryDedupeStore store, Duration retention, Duration interval) {
        this.store = store;
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dedupe-pruner");
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pruneOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void pruneOnce() {
        try {
            long deleted = store.prune();
            if (deleted > 0) {
                log.info("Pruned {} delivery ids older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the dedupe store failed; will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
