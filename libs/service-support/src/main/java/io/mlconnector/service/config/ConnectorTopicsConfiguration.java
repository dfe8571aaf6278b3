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

    @Bean
    public KafkaAdmin.NewTopics connectorTopics(@Value("${mlc.kafka.partitions:3}") int partitions,
                                                @Value("${mlc.kafka.replication-factor:1}") short replicas) {
        // every topic, and a dead-letter topic for each one the services consume (see DeadLetters)
        return new KafkaAdmin.NewTopics(java.util.stream.Stream.concat(Topics.all().stream(),
                        DeadLetters.CONSUMED_TOPICS.stream().map(DeadLetters::topicFor))
                .map(name -> compactedIfState(TopicBuilder.name(name).partitions(partitions).replicas(replicas), name)
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** A state topic (Topics.isCompacted) keeps the latest record per key for ever instead of expiring by time. */
    private static TopicBuilder compactedIfState(TopicBuilder topic, String name) {
        return Topics.isCompacted(name) ? topic.compact() : topic;
    }
}
