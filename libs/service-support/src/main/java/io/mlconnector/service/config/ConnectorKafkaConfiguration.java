package io.mlconnector.service.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.service.kafka.DeadLetterBrowser;
import io.mlconnector.service.kafka.PartitionStalls;
import io.mlconnector.service.kafka.RecordDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * How the services consume: raw bytes decoded in the listener ({@link RecordDecoder}), every delivery watched for
 * stalls ({@link PartitionStalls}, picked up by Spring Boot as the listener containers' record interceptor), and
 * dead letters readable and re-drivable ({@link DeadLetterBrowser}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorKafkaProperties.class)
public class ConnectorKafkaConfiguration {

    @Bean
    public PartitionStalls partitionStalls(ConnectorKafkaProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new PartitionStalls(new HashSet<>(properties.mustNotSkip()), properties.stallAfter(), Clock.systemUTC(),
                meters.getIfAvailable());
    }

    @Bean
    public RecordDecoder recordDecoder(ConsumerFactory<?, ?> consumers) {
        return new RecordDecoder(consumers.getConfigurationProperties());
    }

    @Bean
    public DeadLetterBrowser deadLetterBrowser(KafkaAdmin admin) {
        return new DeadLetterBrowser(admin.getConfigurationProperties(), Duration.ofSeconds(10));
    }
}
