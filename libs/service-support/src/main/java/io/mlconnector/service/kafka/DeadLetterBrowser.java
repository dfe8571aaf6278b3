package io.mlconnector.service.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Shows and re-drives dead letters with plain Kafka clients (no consumer group: reading commits nothing, so it never
 * disturbs a service). Used by each service's {@code /api/dead-letters} and by {@code bin/ml-connector dead-letters}.
 * A re-drive republishes the dead letter's original key, value and headers to its source topic, where the service
 * handles it again as new; the consumers are idempotent (content revisions, posting keys), so a record re-driven
 * twice changes nothing twice.
 */
public final class DeadLetterBrowser {

    public static final String REDRIVEN_FROM = "mlc-redriven-from";
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    private final Map<String, Object> clientConfig;
    private final Duration timeout;

    /** @param clientConfig {@code bootstrap.servers} and any security settings; serializers are set here */
    public DeadLetterBrowser(Map<String, Object> clientConfig, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.timeout = timeout;
    }

    /** One dead letter as an operator sees it: where it came from and why it failed; the value only by its size. */
    public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, int valueBytes,
                             String originalTopic, Integer originalPartition, Long originalOffset, String failureKind,
                             String failureStage, String failureClass, String failureMessage, Integer attempts,
                             String redrivenFrom) {
    }

    /** Where a re-driven record was published. */
    public record Redriven(String topic, int partition, long offset) {
    }

    /** The newest {@code limit} dead letters of {@code topic} (the source topic or its {@code .dlt}), oldest first. */
    public List<DeadLetter> list(String topic, int limit) {
        String dlt = topic.endsWith(DeadLetters.SUFFIX) ? topic : DeadLetters.topicFor(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, dlt);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
            List<DeadLetter> all = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long end = ends.getOrDefault(tp, 0L);
                long from = Math.max(begins.getOrDefault(tp, 0L), end - limit);
                if (from >= end) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, from);
                Deque<DeadLetter> found = new ArrayDeque<>();
                long deadline = System.nanoTime() + timeout.toNanos();
                while (consumer.position(tp, timeout) < end && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() < end) {
                            found.add(describe(r));
                        }
                    }
                }
                all.addAll(found);
            }
            all.sort(java.util.Comparator.comparing(DeadLetter::timestamp).thenComparingLong(DeadLetter::offset));
            return all.size() > limit ? List.copyOf(all.subList(all.size() - limit, all.size())) : all;
        }
    }

    /**
     * Republishes the dead letter at {@code dltTopic}-{@code partition}@{@code offset} to its source topic. Empty when
     * there is no such record (never written, or gone by retention).
     */
    public Optional<Redriven> redrive(String dltTopic, int partition, long offset) {
        String dlt = dltTopic.endsWith(DeadLetters.SUFFIX) ? dltTopic : DeadLetters.topicFor(dltTopic);
        Optional<ConsumerRecord<byte[], byte[]>> found = read(dlt, partition, offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<byte[], byte[]> letter = found.get();
        Header original = letter.headers().lastHeader(ORIGINAL_TOPIC);
        String target = original != null ? new String(original.value(), StandardCharsets.UTF_8) : DeadLetters.sourceOf(dlt);
        RecordHeaders headers = new RecordHeaders();
        for (Header h : letter.headers()) {
            if (!h.key().startsWith("kafka_dlt-") && !h.key().startsWith("mlc-failure-") && !h.key().equals(REDRIVEN_FROM)) {
                headers.add(h);
            }
        }
        headers.add(REDRIVEN_FROM, (dlt + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 2_000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 2_000));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(target, null, letter.key(), letter.value(), headers))
                    .get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            return Optional.of(new Redriven(sent.topic(), sent.partition(), sent.offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving " + dlt + "-" + partition + "@" + offset, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not accept the re-driven record for " + target + " within "
                    + timeout.toSeconds() + " s; nothing was re-driven, try again when the broker is reachable", e);
        }
    }

    private Optional<ConsumerRecord<byte[], byte[]>> read(String dlt, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(dlt, partition);
            if (partitions(consumer, dlt).stream().noneMatch(tp::equals)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), timeout).getOrDefault(tp, 0L);
            long begin = consumer.beginningOffsets(List.of(tp), timeout).getOrDefault(tp, 0L);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty(); // compacted away
                    }
                }
            }
            throw new IllegalStateException("could not read " + dlt + "-" + partition + "@" + offset + " within "
                    + timeout.toSeconds() + " s: is the broker reachable?");
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static DeadLetter describe(ConsumerRecord<byte[], byte[]> r) {
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), printable(r.key()),
                r.value() == null ? 0 : r.value().length, header(r, ORIGINAL_TOPIC),
                integer(header(r, "kafka_dlt-original-partition")), longValue(header(r, "kafka_dlt-original-offset")),
                header(r, DeadLetters.FAILURE_KIND), header(r, DeadLetters.FAILURE_STAGE),
                header(r, DeadLetters.FAILURE_CLASS), header(r, DeadLetters.FAILURE_MESSAGE),
                integer(header(r, DeadLetters.FAILURE_ATTEMPTS)), header(r, REDRIVEN_FROM));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        return name.startsWith("kafka_dlt-original-") && !name.equals(ORIGINAL_TOPIC)
                ? binaryNumber(h.value()) : printable(h.value());
    }

    /** Spring Kafka writes the original partition (int) and offset (long) as big-endian binary numbers. */
    private static String binaryNumber(byte[] value) {
        return switch (value.length) {
            case Integer.BYTES -> Integer.toString(ByteBuffer.wrap(value).getInt());
            case Long.BYTES -> Long.toString(ByteBuffer.wrap(value).getLong());
            default -> null;
        };
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Text as it is when it is UTF-8 without control characters (escaped otherwise); else base64. */
    static String printable(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
