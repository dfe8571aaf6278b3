package io.mlconnector.service.config;

import io.mlconnector.service.health.KafkaHealthIndicator;
import io.mlconnector.service.health.KafkaPartitionsHealthIndicator;
import io.mlconnector.service.health.MongoHealthIndicator;
import io.mlconnector.service.kafka.PartitionStalls;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health that tells the truth. Readiness ({@code management.endpoint.health.group.readiness.include}, set in each
 * service's defaults to {@code readinessState,kafka,mongo,kafkaPartitions}) is DOWN while the broker or MongoDB cannot
 * be reached or a must-not-skip partition is stalled; liveness stays on Spring Boot's {@code livenessState}, which
 * goes DOWN only when the application itself is broken — restarting a pod does not bring a broker back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class ConnectorHealthConfiguration {

    @Bean
    public KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, HealthProperties properties) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties(), properties.kafkaTimeout(),
                properties.cacheFor(), Clock.systemUTC());
    }

    @Bean
    public MongoHealthIndicator mongoHealthIndicator(com.mongodb.reactivestreams.client.MongoDatabase database,
                                                     HealthProperties properties) {
        return new MongoHealthIndicator(database, properties.cacheFor(), Clock.systemUTC());
    }

    @Bean
    public KafkaPartitionsHealthIndicator kafkaPartitionsHealthIndicator(PartitionStalls stalls) {
        return new KafkaPartitionsHealthIndicator(stalls);
    }
}
