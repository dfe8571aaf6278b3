package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingResult;
import io.mlconnector.local.ServiceLauncher.Service;
import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Guards the SRE's replay on the running local run: {@code bin/ml-connector replay --state-dir DIR --group bc-poster
 * --topic bc.posting-requests --to-offset 0} stops only the poster's consumers, resets the group with Kafka's Admin
 * API and starts them again; every posting request is read again and nothing posts twice (exactly-once); BC's
 * invoices and ledger are unchanged; a dry run changes no offset; a cluster reset of a group with members is refused.
 */
class ReplayCommandResetsOneGroupIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();

    @Test
    void replayToOffsetZeroOnTheLocalRunRePostsNothing(@TempDir Path temp) throws Exception {
        LocalOptions options = LocalOptions.parse(List.of("--once", "--state-dir", temp.toString()), HOME);
        try (LocalRun run = LocalRun.start(options, System.out)) {
            RunSummary first = run.syncOnce();
            long posted = first.totalPosted();
            assertThat(posted).isPositive();
            SandboxCompany bc = run.stack().bc.company();
            int invoicesBefore = bc.purchaseInvoices().size();
            int ledgerBefore = bc.generalLedgerEntries().size();
            String bootstrap = run.stack().kafka.bootstrapServers();
            Map<TopicPartition, OffsetAndMetadata> committedBefore = committed(bootstrap, "bc-poster");
            assertThat(committedBefore).isNotEmpty();

            // dry run: prints the plan, changes nothing
            String plan = replay(List.of("--state-dir", temp.toString(), "--group", "bc-poster",
                    "--topic", Topics.BC_POSTING_REQUESTS, "--to-offset", "0", "--dry-run"));
            assertThat(plan).contains("dry run: nothing changed").contains(Topics.BC_POSTING_REQUESTS + "-0");
            assertThat(committed(bootstrap, "bc-poster")).isEqualTo(committedBefore);

            // a cluster-style reset of a group that has members is refused, saying to scale the Deployment to 0
            assertThatThrownBy(() -> replay(List.of("--bootstrap", bootstrap, "--group", "bc-poster",
                    "--topic", Topics.BC_POSTING_REQUESTS, "--to-offset", "0")))
                    .hasMessageContaining("still has").hasMessageContaining("kubectl scale deploy/");
            assertThat(committed(bootstrap, "bc-poster")).isEqualTo(committedBefore);

            Instant replayStart = Instant.now();
            String done = replay(List.of("--state-dir", temp.toString(), "--group", "bc-poster",
                    "--topic", Topics.BC_POSTING_REQUESTS, "--to-offset", "0"));
            assertThat(done).contains("group bc-poster reset on").contains("started again");
            // only the poster's consumers were stopped; they run again
            for (Service service : Service.values()) {
                assertThat(run.services().context(service).getBean(KafkaListenerEndpointRegistry.class)
                        .getListenerContainers()).as(service.name).allSatisfy(c -> assertThat(c.isRunning()).isTrue());
            }
            new Quiescence(bootstrap).await(Map.of("bc-poster", Topics.BC_POSTING_REQUESTS), Duration.ofMinutes(2));

            List<PostingResult> replayed = new OutcomeReader(bootstrap,
                    new SchemaRegistryRestClient(run.stack().registry.baseUri())).postingResultsSince(replayStart);
            assertThat(replayed).hasSize((int) posted)
                    .allSatisfy(r -> assertThat(r.getOutcome()).isEqualTo(PostingOutcome.ALREADY_POSTED))
                    .allSatisfy(r -> assertThat(r.getBcCalls()).isZero());
            assertThat(bc.purchaseInvoices()).hasSize(invoicesBefore);
            assertThat(bc.generalLedgerEntries()).hasSize(ledgerBefore);
            assertThat(committed(bootstrap, "bc-poster")).isEqualTo(committedBefore);
            System.out.println("replay: bc-poster reset to 0, re-read=" + replayed.size() + " re-posted=0 invoices="
                    + invoicesBefore + " ledger entries=" + ledgerBefore);
        }
    }

    private static String replay(List<String> args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReplayCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        }
    }
}
