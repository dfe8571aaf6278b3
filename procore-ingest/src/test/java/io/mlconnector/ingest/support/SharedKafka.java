package io.mlconnector.ingest.support;

import io.mlconnector.schemas.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-JVM KRaft broker for every test class of the module (a broker takes 2–3 s to start; one per class would
 * dominate the build). Tests keep apart by tenant id: each fixture has its own, and readers filter on it.
 */
public final class SharedKafka {

    public static final String REGISTRY = "inprocess://procore-ingest-test";
    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.all().toArray(String[]::new));
            broker.afterPropertiesSet();
            EmbeddedKafkaKraftBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        }
        return broker.getBrokersAsString();
    }
}
