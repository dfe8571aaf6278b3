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
        // every topic, and its dead-letter topic for records a consumer could not handle (see DeadLetters)
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .flatMap(name -> java.util.stream.Stream.of(name, DeadLetters.topicFor(name)))
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
