package io.mlconnector.gateway.subscription;

import io.mlconnector.events.BcSubscriptionState;
import io.mlconnector.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code bc.webhook-subscriptions} from the beginning into {@link KnownSubscriptions} and keeps following it,
 * on its own thread, with every partition assigned (no consumer group, nothing committed: each gateway instance
 * holds the whole view, like a table). An unreadable record is logged and skipped; a broker outage only delays
 * updates (the view keeps what it had).
 */
public final class SubscriptionStateReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionStateReader.class);
    private static final String TOPIC = Topics.BC_WEBHOOK_SUBSCRIPTIONS;

    private final Supplier<Consumer<String, BcSubscriptionState>> consumers;
    private final KnownSubscriptions view;
    private volatile boolean running;
    private volatile Consumer<String, BcSubscriptionState> consumer;
    private Thread thread;

    public SubscriptionStateReader(Supplier<Consumer<String, BcSubscriptionState>> consumers, KnownSubscriptions view) {
        this.consumers = consumers;
        this.view = view;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "bc-subscription-view");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Consumer<String, BcSubscriptionState> c = consumers.get()) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Reading {} failed; retrying in 2 s: {}", TOPIC, e.toString());
                sleep(Duration.ofSeconds(2));
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(Consumer<String, BcSubscriptionState> c) {
        List<TopicPartition> partitions = c.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + TOPIC + " has no partitions yet");
        }
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(10));
        while (running) {
            try {
                for (ConsumerRecord<String, BcSubscriptionState> record : c.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        view.apply(record.value());
                    }
                }
            } catch (RecordDeserializationException e) {
                log.warn("Skipped an unreadable record on {} at offset {}: {}", e.topicPartition(), e.offset(),
                        e.getMessage());
                c.seek(e.topicPartition(), e.offset() + 1);
            }
            if (!view.ready() && end.entrySet().stream().allMatch(p -> c.position(p.getKey()) >= p.getValue())) {
                view.markReady();
                log.info("Known BC subscriptions loaded from {}: {}", TOPIC, view.size());
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, BcSubscriptionState> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
