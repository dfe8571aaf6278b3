package io.mlconnector.service.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.health.*}: the readiness checks of Kafka and MongoDB.
 *
 * @param kafkaTimeout how long the broker may take to describe the cluster before Kafka counts as unreachable
 * @param cacheFor     how long one answer of each check is reused (probes come every few seconds)
 */
@ConfigurationProperties("mlc.health")
public record HealthProperties(@DefaultValue("2s") Duration kafkaTimeout, @DefaultValue("5s") Duration cacheFor) {
}
