package io.mlconnector.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the pipeline has drained: every listed consumer group has committed everything on its
 * input topic, several checks in a row. This is how an SRE would tell that a replay finished — consumer
 * lag — rather than a guess at how long posting takes.
 */
final class Quiescence {

    private final String bootstrapServers;

    Quiescence(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void await(Map<String, String> topicByGroup, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Instant deadline = Instant.now().plus(timeout);
        int quietChecks = 0;
        try (Admin admin = Admin.create(props)) {
            while (quietChecks < 3) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("pipeline did not drain within " + timeout + "; lag "
                            + lagOrUnknown(admin, topicByGroup) + " (" + lagByGroup(admin, topicByGroup) + ")");
                }
                quietChecks = lagOrUnknown(admin, topicByGroup) == 0 ? quietChecks + 1 : 0;
                Thread.sleep(400);
            }
        }
    }

    /** Each group's lag, for the message that says which stage did not drain. */
    private static String lagByGroup(Admin admin, Map<String, String> topicByGroup) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        for (var entry : topicByGroup.entrySet()) {
            long lag = lagOrUnknown(admin, Map.of(entry.getKey(), entry.getValue()));
            text.append(text.isEmpty() ? "" : ", ").append(entry.getKey()).append(" on ").append(entry.getValue())
                    .append(": ").append(lag < 0 ? "unknown" : lag);
        }
        return text.toString();
    }

    /** The lag, or -1 while the broker cannot tell (it is restarting): not quiet, ask again. */
    private static long lagOrUnknown(Admin admin, Map<String, String> topicByGroup) throws InterruptedException {
        try {
            return lag(admin, topicByGroup);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | org.apache.kafka.common.KafkaException brokerAway) {
            return -1;
        }
    }

    private static long lag(Admin admin, Map<String, String> topicByGroup) throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException,
            InterruptedException {
        long total = 0;
        for (var entry : topicByGroup.entrySet()) {
            String topic = entry.getValue();
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(entry.getKey())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata done = committed.get(tp);
                total += ends.get(tp).offset() - (done == null ? 0 : done.offset());
            }
        }
        return total;
    }
}
