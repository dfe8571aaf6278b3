package io.mlconnector.service.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Watches every record the service's listeners handle, per partition: how often the record at the head of the
 * partition has been delivered, and since when it has been in hand. A partition whose head record has been retried (or
 * hung in one attempt) for longer than {@code stallAfter} on a topic whose records must not be skipped is
 * <em>stalled</em>: readiness goes DOWN
 * ({@code io.mlconnector.service.health.KafkaPartitionsHealthIndicator}) and the gauge
 * {@code mlc.kafka.partition.stalled{topic,partition}} reads 1, until the record succeeds or is moved aside.
 * The delivery count goes into the dead-letter headers ({@link DeadLetters}).
 */
public final class PartitionStalls implements RecordInterceptor<Object, Object> {

    public static final String GAUGE = "mlc.kafka.partition.stalled";

    private final Set<String> mustNotSkip;
    private final Duration stallAfter;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<TopicPartition, Head> heads = new ConcurrentHashMap<>();

    /**
     * @param mustNotSkip topics whose records are never moved aside on a transient failure (their partitions can stall)
     * @param stallAfter  how long a head record may keep failing before its partition counts as stalled
     */
    public PartitionStalls(Set<String> mustNotSkip, Duration stallAfter, Clock clock, MeterRegistry meters) {
        this.mustNotSkip = Set.copyOf(mustNotSkip);
        this.stallAfter = stallAfter;
        this.clock = clock;
        this.meters = meters;
    }

    /** A stalled partition: its head record (offset), first delivered at {@code since}, delivered {@code attempts} times. */
    public record Stall(String topic, int partition, long offset, Instant since, int attempts, String lastFailure) {
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        head(record).delivered(record.offset(), clock.instant());
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        head(record).done(record.offset());
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        Throwable reported = Failures.reported(exception);
        head(record).failed(record.offset(),
                reported.getMessage() != null ? reported.getMessage() : reported.getClass().getSimpleName());
    }

    /** The record left the partition another way (dead-lettered, or given up by the service's own recoverer). */
    public void movedAside(ConsumerRecord<?, ?> record) {
        Head head = heads.get(new TopicPartition(record.topic(), record.partition()));
        if (head != null) {
            head.done(record.offset());
        }
    }

    /** How many times this record has been delivered to the listener so far (at least 1). */
    public int attempts(ConsumerRecord<?, ?> record) {
        Head head = heads.get(new TopicPartition(record.topic(), record.partition()));
        return head == null ? 1 : Math.max(1, head.attemptsOf(record.offset()));
    }

    public List<Stall> stalled() {
        Instant now = clock.instant();
        List<Stall> stalls = new ArrayList<>();
        heads.forEach((tp, head) -> head.stall(tp, now).ifPresent(stalls::add));
        stalls.sort(Comparator.comparing(Stall::topic).thenComparingInt(Stall::partition));
        return stalls;
    }

    public Duration stallAfter() {
        return stallAfter;
    }

    private Head head(ConsumerRecord<?, ?> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        return heads.computeIfAbsent(tp, key -> {
            Head head = new Head(mustNotSkip.contains(key.topic()));
            if (meters != null) {
                Gauge.builder(GAUGE, head, h -> h.stall(key, clock.instant()).isPresent() ? 1 : 0)
                        .description("1 while the partition's head record has kept failing longer than the stall bound")
                        .tag("topic", key.topic()).tag("partition", Integer.toString(key.partition()))
                        .register(meters);
            }
            return head;
        });
    }

    /** The head record of one partition. */
    private final class Head {
        private final boolean canStall;
        private long offset = -1;
        private long settled = -1;
        private int attempts;
        private Instant since;
        private String lastFailure;

        Head(boolean canStall) {
            this.canStall = canStall;
        }

        synchronized void delivered(long at, Instant now) {
            if (at != offset || settled == at) { // a new head record, or the same one replayed after it settled
                offset = at;
                settled = -1;
                attempts = 0;
                since = now;
                lastFailure = null;
            }
            attempts++;
        }

        synchronized void failed(long at, String failure) {
            if (at == offset && settled != at) {
                lastFailure = failure;
            }
        }

        synchronized void done(long at) {
            if (at == offset) {
                settled = at;
                lastFailure = null;
            }
        }

        synchronized int attemptsOf(long at) {
            return at == offset ? attempts : 0;
        }

        /** Stalled: the head record has been in hand (failing, or one attempt hanging) longer than the bound. */
        synchronized java.util.Optional<Stall> stall(TopicPartition tp, Instant now) {
            if (!canStall || offset < 0 || settled == offset || Duration.between(since, now).compareTo(stallAfter) < 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Stall(tp.topic(), tp.partition(), offset, since, attempts,
                    lastFailure != null ? lastFailure : "still in its first attempt"));
        }
    }
}
