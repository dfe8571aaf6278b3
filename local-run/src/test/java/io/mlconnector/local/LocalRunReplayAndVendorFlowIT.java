package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingResult;
import io.mlconnector.local.ServiceLauncher.Service;
import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two things an operator relies on, on the whole local stack: an SRE replays bc.posting-requests from offset 0
 * (the standard consumer-group reset) and BC gets nothing twice; and a vendor blocked in Business Central turns
 * inactive in Procore through BC's webhook, the gateway, Kafka and vendor-sync.
 */
class LocalRunReplayAndVendorFlowIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();

    @Test
    void replayFromOffsetZeroPostsNothingTwiceAndABlockedVendorTurnsInactiveInProcore(@TempDir Path temp)
            throws Exception {
        LocalOptions options = LocalOptions.parse(List.of("--once", "--state-dir", temp.toString()), HOME);
        try (LocalRun run = LocalRun.start(options, System.out)) {
            RunSummary first = run.syncOnce();
            long posted = first.totalPosted();
            assertThat(posted).isPositive();
            SandboxCompany bc = run.stack().bc.company();
            int invoicesBefore = bc.purchaseInvoices().size();
            int ledgerBefore = bc.generalLedgerEntries().size();

            // The SRE's replay: stop the poster's consumers, reset its group to offset 0, start them again.
            Instant replayStart = Instant.now();
            KafkaListenerEndpointRegistry listeners = run.services().context(Service.BC_POSTER)
                    .getBean(KafkaListenerEndpointRegistry.class);
            listeners.stop();
            resetToStart(run.stack().kafka.bootstrapServers(), "bc-poster", Topics.BC_POSTING_REQUESTS);
            listeners.start();
            new Quiescence(run.stack().kafka.bootstrapServers())
                    .await(Map.of("bc-poster", Topics.BC_POSTING_REQUESTS), Duration.ofMinutes(2));

            List<PostingResult> replayed = new OutcomeReader(run.stack().kafka.bootstrapServers(),
                    new SchemaRegistryRestClient(run.stack().registry.baseUri())).postingResultsSince(replayStart);
            assertThat(replayed).hasSize((int) posted)
                    .allSatisfy(r -> assertThat(r.getOutcome()).isEqualTo(PostingOutcome.ALREADY_POSTED));
            assertThat(replayed).allSatisfy(r -> assertThat(r.getBcCalls()).isZero());
            assertThat(bc.purchaseInvoices()).hasSize(invoicesBefore);
            assertThat(bc.generalLedgerEntries()).hasSize(ledgerBefore);

            // A record nobody can read (not Avro) on the two topics that feed the ledger: each consumer moves it to its
            // dead-letter topic, as it came, and goes on with the next record — nothing is dropped, nothing stalls.
            String bootstrap = run.stack().kafka.bootstrapServers();
            byte[] garbage = "{\"not\": \"avro\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try (var raw = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                    "bootstrap.servers", bootstrap), new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                raw.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PROCORE_COST_DOCUMENTS,
                        "harbor-ridge|DIRECT_COST|poison", garbage)).get(10, TimeUnit.SECONDS);
                raw.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.BC_POSTING_REQUESTS,
                        "harbor-ridge|DIRECT_COST|poison", garbage)).get(10, TimeUnit.SECONDS);
            }
            new Quiescence(bootstrap).await(Map.of("mapping-service", Topics.PROCORE_COST_DOCUMENTS,
                    "bc-poster", Topics.BC_POSTING_REQUESTS), Duration.ofMinutes(2));
            assertThat(deadLetters(bootstrap, Topics.PROCORE_COST_DOCUMENTS)).containsExactly(garbage);
            assertThat(deadLetters(bootstrap, Topics.BC_POSTING_REQUESTS)).containsExactly(garbage);

            // Apex Concrete (BC V1010, Procore 3968001) is blocked in BC: BC notifies the gateway, vendor-sync
            // makes the Procore vendor inactive.
            var procore = run.stack().procore.data();
            assertThat(vendor(procore.all(Resource.VENDORS, LocalStack.PROCORE_COMPANY), 3968001L)
                    .path("is_active").asBoolean()).isTrue();
            bc.setVendorBlocked("V1010", "All");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    procore.all(Resource.VENDORS, LocalStack.PROCORE_COMPANY).stream()
                            .filter(v -> v.path("id").asLong() == 3968001L)
                            .allMatch(v -> !v.path("is_active").asBoolean(true))).isTrue());
        }
    }

    private static tools.jackson.databind.JsonNode vendor(List<tools.jackson.databind.node.ObjectNode> vendors, long id) {
        return vendors.stream().filter(v -> v.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private static List<byte[]> deadLetters(String bootstrap, String topic) {
        String dlt = io.mlconnector.service.kafka.DeadLetters.topicFor(topic);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "dlt-probe-" + topic, "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlt));
            List<byte[]> seen = new java.util.ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
                return !seen.isEmpty();
            });
            return seen;
        }
    }

    /** What {@code kafka-consumer-groups.sh --reset-offsets --to-earliest --execute} does, once the group is empty. */
    private static void resetToStart(String bootstrap, String group, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> zero = partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        admin.alterConsumerGroupOffsets(group, zero).all().get(10, TimeUnit.SECONDS);
                        return true;
                    });
        }
    }
}
