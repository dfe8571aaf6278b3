package io.mlconnector.service.config;

import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the connector's topics so that whichever service starts first creates them (Spring's KafkaAdmin
 * creates missing topics and leaves existing ones alone). Partition count bounds consumer parallelism;
 * records of one Procore document share a key and so a partition, which keeps their versions in order.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorTopicsConfiguration {

    /**
     * @param replicas           {@code mlc.kafka.replication-factor}; unset = the cluster's
     *                           {@code default.replication.factor}
     * @param allowSingleReplica {@code mlc.kafka.allow-single-replica}: a replication factor of 1 keeps one copy of
     *                           every record (one lost broker loses postings), so it is refused unless this is true
     *                           (a single-broker test cluster, the local run)
     */
    @Bean
    public KafkaAdmin.NewTopics connectorTopics(@Value("${mlc.kafka.partitions:3}") int partitions,
                                                @Value("${mlc.kafka.replication-factor:#{null}}") Short replicas,
                                                @Value("${mlc.kafka.allow-single-replica:false}") boolean allowSingleReplica) {
        return new KafkaAdmin.NewTopics(topics(partitions, replicas, allowSingleReplica));
    }

    static NewTopic[] topics(int partitions, Short replicas, boolean allowSingleReplica) {
        checkReplicationFactor(replicas, allowSingleReplica);
        // every topic, and a dead-letter topic for each one the services consume (see DeadLetters)
        return java.util.stream.Stream.concat(Topics.all().stream(),
                        DeadLetters.CONSUMED_TOPICS.stream().map(DeadLetters::topicFor))
                .map(name -> {
                    TopicBuilder topic = TopicBuilder.name(name).partitions(partitions);
                    return compactedIfState(replicas == null ? topic : topic.replicas(replicas), name).build();
                })
                .toArray(NewTopic[]::new);
    }

    static void checkReplicationFactor(Short replicas, boolean allowSingleReplica) {
        if (replicas != null && replicas < 1) {
            throw new IllegalStateException("mlc.kafka.replication-factor is " + replicas
                    + ": give the number of copies of every record, 3 on a production cluster");
        }
        if (replicas != null && replicas == 1 && !allowSingleReplica) {
            throw new IllegalStateException("mlc.kafka.replication-factor is 1: every record would have a single copy"
                    + " and a lost broker would lose postings. Set it to 3 (min.insync.replicas 2) on a production"
                    + " cluster, or set mlc.kafka.allow-single-replica=true for a single-broker test cluster.");
        }
    }

    /** A state topic (Topics.isCompacted) keeps the latest record per key for ever instead of expiring by time. */
    private static TopicBuilder compactedIfState(TopicBuilder topic, String name) {
        return Topics.isCompacted(name) ? topic.compact() : topic;
    }
}
