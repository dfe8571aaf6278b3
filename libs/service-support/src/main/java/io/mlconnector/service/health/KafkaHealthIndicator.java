package io.mlconnector.service.health;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness: the broker answers a cluster description within {@code timeout} (one admin request; answers are
 * cached). DOWN means this service can neither consume nor publish.
 */
public final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final CachedHealth cached;
    private AdminClient admin;

    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout, Duration cacheFor, Clock clock) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "mlc-health");
        this.adminConfig = config;
        this.timeout = timeout;
        this.cached = new CachedHealth(this::check, cacheFor, clock);
    }

    @Override
    public Health health() {
        return cached.get();
    }

    private Health check() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            int nodes = cluster.nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return Health.up().withDetail("clusterId", String.valueOf(clusterId)).withDetail("brokers", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted while asking the broker").build();
        } catch (Exception e) {
            return Health.down().withDetail("reason", "the Kafka cluster at " + adminConfig.get(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " did not answer within " + timeout.toMillis()
                    + " ms: check that the brokers run and are reachable").build();
        }
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
