package io.mlconnector.service.lease;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link ScheduleLease} of a service with scheduled jobs (imported by procore-ingest and vendor-sync). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleLeaseProperties.class)
public class ScheduleLeaseConfiguration {

    @Bean
    public ScheduleLease scheduleLease(MongoDatabase reactiveMongoDatabase, ScheduleLeaseProperties properties) {
        String holder = properties.holder().isBlank() ? defaultHolder() : properties.holder();
        return new ScheduleLease(new LeaseStore(reactiveMongoDatabase), properties.duration(), properties.renewEvery(),
                holder, Clock.systemUTC());
    }

    /** host (the pod's name on Kubernetes) / process id / random: unique per process, readable by an operator */
    static String defaultHolder() {
        String host;
        try {
            host = System.getenv().getOrDefault("HOSTNAME", InetAddress.getLocalHost().getHostName());
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
