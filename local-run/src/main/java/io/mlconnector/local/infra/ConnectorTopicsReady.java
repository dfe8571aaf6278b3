package io.mlconnector.local.infra;

import io.mlconnector.service.config.ConnectorTopicsConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the connector's topics on the local broker before any service starts, and waits until every partition has
 * a leader. A service that creates a topic and produces to it at once can meet partitions still electing their
 * leader; the idempotent producer then got NOT_LEADER_OR_FOLLOWER for its first batch and OUT_OF_ORDER_SEQUENCE_NUMBER
 * for every retry of it until the delivery timeout (Apache Kafka KAFKA-15591: a later batch was appended first). On a
 * cluster the topics are provisioned before the services are deployed (deploy README), so this is the local run's
 * equivalent of that step.
 */
public final class ConnectorTopicsReady {

    private ConnectorTopicsReady() {
    }

    /** Same partitions and replicas as the services' own declaration with the local run's settings. */
    public static void ensure(String bootstrapServers, int partitions, Duration timeout) throws Exception {
        List<NewTopic> topics = List.of(ConnectorTopicsConfiguration.topics(partitions, (short) 1, true));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var created : admin.createTopics(topics).values().values()) {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<String> names = topics.stream().map(NewTopic::name).toList();
            Instant deadline = Instant.now().plus(timeout);
            while (!everyPartitionLed(admin, names)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the local Kafka broker did not elect a leader for every"
                            + " partition of the connector's topics within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean everyPartitionLed(Admin admin, List<String> names) throws Exception {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            return described.values().stream().flatMap(t -> t.partitions().stream())
                    .allMatch(p -> p.leader() != null && p.leader().id() >= 0);
        } catch (ExecutionException notYetKnown) {
            return false;
        }
    }
}
