package io.mlconnector.local;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.posting.store.PostingStateStore;
import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import io.mlconnector.schemas.serde.AvroDeserializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import reactor.core.publisher.Flux;

/**
 * What a local run's state folder holds once its runs are over, read from the three places that must agree: every
 * posting request on {@code bc.posting-requests}, the poster's store, and the BC sandbox's saved data — plus the
 * consumer groups' committed offsets. "Lost" is a request that is neither posted nor parked with a reason (or
 * posted in the store but not in BC); "doubled" is a posting key BC holds more than once.
 */
final class StateDirAudit {

    /** What was found; {@code problems} lists each disagreement in words. */
    record Findings(int requests, int posted, int parked, int lost, int doubled, long lag, List<String> problems) {
        boolean clean() {
            return problems.isEmpty();
        }
    }

    private StateDirAudit() {
    }

    static Findings of(Path stateDir, Path home) throws Exception {
        String classpath = java.nio.file.Files.readString(Path.of(System.getProperty("mlc.classpath-file"))).trim();
        LocalOptions options = LocalOptions.parse(List.of("--state-dir", stateDir.toString()), home);
        try (LocalStack stack = LocalStack.start(options, classpath, true);
             MongoClient mongo = MongoClients.create(stack.mongo.connectionString())) {
            SchemaRegistryRestClient registry = new SchemaRegistryRestClient(stack.registry.baseUri());
            Map<String, PostingRequest> requests = new TreeMap<>();
            read(stack, Topics.BC_POSTING_REQUESTS, new AvroDeserializer<>(PostingRequest.class, registry))
                    .forEach(r -> requests.put(r.getPostingKey(), r));
            Map<String, List<PostingOutcome>> results = new LinkedHashMap<>();
            read(stack, Topics.BC_POSTING_RESULTS, new AvroDeserializer<>(PostingResult.class, registry))
                    .forEach(r -> results.computeIfAbsent(r.getPostingKey(), k -> new ArrayList<>()).add(r.getOutcome()));
            Map<String, String> store = new TreeMap<>();
            Flux.from(mongo.getDatabase("ml-connector").getCollection(PostingStateStore.COLLECTION).find())
                    .doOnNext((Document d) -> store.put(d.getString("_id"), d.getString("state")))
                    .blockLast(Duration.ofSeconds(30));
            return compare(requests, results, store, stack.bc.company(), lag(stack.kafka.bootstrapServers()));
        }
    }

    private static Findings compare(Map<String, PostingRequest> requests, Map<String, List<PostingOutcome>> results,
                                    Map<String, String> store, SandboxCompany bc, long lag) {
        List<String> problems = new ArrayList<>();
        int posted = 0;
        int parked = 0;
        int lost = 0;
        int doubled = 0;
        for (PostingRequest request : requests.values()) {
            String key = request.getPostingKey();
            String state = store.get(key);
            int inBc = copiesInBc(bc, request);
            if (inBc > 1) {
                doubled++;
                problems.add(key + ": " + inBc + " copies in BC");
            }
            if ("POSTED".equals(state)) {
                posted++;
                if (inBc == 0) {
                    lost++;
                    problems.add(key + ": POSTED in the store, nothing in BC");
                }
                List<PostingOutcome> outcomes = results.getOrDefault(key, List.of());
                if (outcomes.stream().noneMatch(o -> o == PostingOutcome.POSTED || o == PostingOutcome.ALREADY_POSTED)) {
                    problems.add(key + ": POSTED in the store, no POSTED result on " + Topics.BC_POSTING_RESULTS
                            + " " + outcomes);
                }
            } else if ("PARKED".equals(state)) {
                parked++;
                if (inBc > 0) {
                    problems.add(key + ": PARKED in the store but in BC");
                }
            } else {
                lost++;
                problems.add(key + ": " + (state == null ? "not in the store" : "stuck in " + state)
                        + (inBc > 0 ? " (BC has it)" : ""));
            }
        }
        Set<String> bcKeys = new TreeSet<>();
        bc.purchaseInvoices().forEach(i -> bcKeys.add(BcInvoices.postingKey(bc, i)));
        bc.purchaseCreditMemos().forEach(m -> bcKeys.add(BcInvoices.creditMemoPostingKey(bc, m)));
        bc.generalLedgerEntries().forEach(e -> bcKeys.add(e.path("_externalDocumentNumber").asString()));
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(requests.keySet());
        bcKeys.stream().filter(k -> k.matches("^[A-Z]{2}-.*") && !known.contains(k))
                .forEach(k -> problems.add(k + ": in BC, but no posting request has this key"));
        if (bc.draftPurchaseInvoiceCount() + bc.draftPurchaseCreditMemoCount() > 0) {
            problems.add("drafts left in BC: " + bc.draftPurchaseInvoiceCount() + " invoices, "
                    + bc.draftPurchaseCreditMemoCount() + " credit memos");
        }
        if (lag != 0) {
            problems.add("consumer lag " + lag + ": offsets not committed up to the end");
        }
        return new Findings(requests.size(), posted, parked, lost, doubled, lag, problems);
    }

    /** How many documents BC holds for one posting: invoices / credit memos by key; journal postings by G/L entries. */
    private static int copiesInBc(SandboxCompany bc, PostingRequest request) {
        String key = request.getPostingKey();
        if (request.getDocumentKind() != BcDocumentKind.GENERAL_JOURNAL) {
            return BcInvoices.documentsWithKey(bc, key);
        }
        // posting the journal once makes one entry per line plus one per balancing account
        int once = request.getLines().stream().mapToInt(l -> l.getBalancingAccountNumber() == null ? 1 : 2).sum();
        int entries = bc.generalLedgerEntries(key).size();
        return entries == 0 ? 0 : Math.max(1, Math.round((float) entries / once));
    }

    private static <T extends SpecificRecord> List<T> read(LocalStack stack, String topic, Deserializer<T> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<T> all = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(500))) {
                    all.add(record.value());
                }
            }
        }
        return all;
    }

    /** Records on the posting pipeline's input topics that their consumer groups have not committed. */
    private static long lag(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long total = 0;
        try (Admin admin = Admin.create(props)) {
            for (var group : Map.of("mapping-service", Topics.PROCORE_COST_DOCUMENTS,
                    "bc-poster", Topics.BC_POSTING_REQUESTS).entrySet()) {
                String topic = group.getValue();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                        Function.identity(), tp -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS);
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata done = committed.get(tp);
                    total += ends.get(tp).offset() - (done == null ? 0 : done.offset());
                }
            }
        }
        return total;
    }
}
