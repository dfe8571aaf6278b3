package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.DimensionValue;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.events.SourceType;
import io.mlconnector.posting.store.PostingRecord;
import io.mlconnector.posting.store.PostingState;
import io.mlconnector.posting.store.PostingStateStore;
import io.mlconnector.sandbox.bc.HeldRequest;
import io.mlconnector.sandbox.bc.HoldPoint;
import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The strongest form of docs/adr/0003: a REAL bc-poster process (a child JVM, the production main class and config)
 * is killed with SIGKILL at each step of a posting, while the BC sandbox holds the step's request — before BC did
 * anything, or after BC committed it but before the poster heard — and a new poster process finishes the job. Each
 * document must then exist exactly once in BC (one posted invoice and no draft; G/L entries once), the store must say
 * POSTED and bc.posting-results POSTED or ALREADY_POSTED. The poster logs must hold no secret or bearer token.
 *
 * <p>The kill points run one after another on one broker, store and sandbox, each with its own posting key; the
 * poster started to finish one kill point is the one killed at the next, so 5 kill points cost 6 poster starts.
 * The children join the bc-poster group with a static {@code group.instance.id} (as a StatefulSet pod would), so a
 * new process takes over the dead one's partitions at once instead of after the session timeout; which request is
 * redelivered still depends only on the committed offsets, as in production.
 */
class PosterKilledMidPostingIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "poster-killed-mid-posting").toAbsolutePath();
    private static final LocalDate DOCUMENT_DATE = LocalDate.of(2026, 10, 15);
    private static final String APEX_ID = "8f3c2a10-0000-4000-a000-000000000001";
    private static final Pattern BEARER_VALUE = Pattern.compile("Bearer\\s+[A-Za-z0-9._~+/=-]{8,}");

    private static final Predicate<String> CREATE_INVOICE = r -> r.startsWith("POST ")
            && r.matches(".*/companies\\([^)]*\\)/purchaseInvoices(\\?.*)?$");
    /** The invoice's post: Microsoft.NAV.post with the read of the posted number in one $batch (its only $batch). */
    private static final Predicate<String> POST_INVOICE = r -> r.startsWith("POST ")
            && r.matches(".*/api/v2\\.0/(\\$|%24)batch(\\?.*)?$");
    private static final Predicate<String> JOURNAL_LINES_BATCH = r -> r.startsWith("POST ")
            && r.matches(".*/api/v2\\.0/(\\$|%24)batch(\\?.*)?$");
    private static final Predicate<String> POST_JOURNAL = r -> r.startsWith("POST ")
            && r.contains("/journals(") && r.contains("Microsoft.NAV.post");

    /** One step at which the poster dies, and the store state it must have written by then. */
    private record KillPoint(String name, Supplier<PostingRequest> request, Predicate<String> call, HoldPoint point,
                             PostingState storeWhenKilled) {
    }

    private static final List<KillPoint> KILL_POINTS = List.of(
            new KillPoint("invoice: before create (BC has nothing)", PosterKilledMidPostingIT::requisition,
                    CREATE_INVOICE, HoldPoint.BEFORE_PROCESSING, PostingState.MAPPED),
            new KillPoint("invoice: after create (BC has the draft, poster never heard)",
                    PosterKilledMidPostingIT::requisition, CREATE_INVOICE, HoldPoint.AFTER_PROCESSING, PostingState.MAPPED),
            new KillPoint("invoice: after post (BC posted, poster never heard)", PosterKilledMidPostingIT::requisition,
                    POST_INVOICE, HoldPoint.AFTER_PROCESSING, PostingState.DRAFT_CREATED),
            new KillPoint("journal: after the lines $batch (lines in BC's batch)", () -> commitment(4),
                    JOURNAL_LINES_BATCH, HoldPoint.AFTER_PROCESSING, PostingState.MAPPED),
            new KillPoint("journal: after the batch post (G/L entries exist, poster never heard)",
                    () -> commitment(4), POST_JOURNAL, HoldPoint.AFTER_PROCESSING, PostingState.DRAFT_CREATED));

    @Test
    void everyDocumentIsPostedExactlyOnceWhenARealPosterProcessIsKilledAtEachStep(@TempDir Path temp) throws Exception {
        Instant began = Instant.now();
        String classpath = Files.readString(Path.of(System.getProperty("mlc.classpath-file"))).trim();
        Files.createDirectories(LOGS);
        LocalOptions options = LocalOptions.parse(List.of("--once", "--state-dir", temp.resolve("state").toString()), HOME);
        List<Path> posterLogs = new ArrayList<>();
        Map<String, String> timings = new LinkedHashMap<>();
        // every kill point is checked even when an earlier one fails, so a broken workflow shows all its holes
        SoftAssertions softly = new SoftAssertions();
        // the stack creates the topics as the services declare them, leaders elected, before anything produces
        try (LocalStack stack = LocalStack.start(options, classpath, false);
             com.mongodb.reactivestreams.client.MongoClient reactiveMongo =
                     com.mongodb.reactivestreams.client.MongoClients.create(stack.mongo.connectionString());
             PostingResults results = new PostingResults(stack);
             KafkaProducer<String, PostingRequest> requests = producer(stack)) {
            timings.put("stack up", since(began));
            PostingStateStore store = new PostingStateStore(reactiveMongo.getDatabase("ml-connector"), Clock.systemUTC());
            SandboxCompany bc = stack.bc.company();

            PosterProcess poster = PosterProcess.start(stack, classpath, 1, posterLogs);
            for (KillPoint kill : KILL_POINTS) {
                Instant killPointStart = Instant.now();
                PostingRequest request = kill.request().get();
                String key = request.getPostingKey();
                HeldRequest hold = stack.bc.holdNext(kill.call(), kill.point());
                requests.send(new ProducerRecord<>(Topics.BC_POSTING_REQUESTS, EventKeys.of(request.getTenantId(),
                        request.getSourceType(), request.getSourceId()), request)).get(10, TimeUnit.SECONDS);

                PosterProcess dying = poster;
                Awaitility.await(kill.name()).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                        .until(() -> dying.requireAlive() && hold.isHeld());
                softly.assertThat(store.find(key).map(PostingRecord::state).blockOptional()).as(kill.name() + ": store when killed")
                        .contains(kill.storeWhenKilled());
                poster.kill();
                hold.release();
                assertThat(results.forKey(key)).as(kill.name() + ": the killed poster published nothing").isEmpty();

                poster = PosterProcess.start(stack, classpath, posterLogs.size() + 1, posterLogs);
                PosterProcess finishing = poster;
                List<PostingResult> outcome = results.await(key, Duration.ofSeconds(90), finishing::requireAlive);
                softly.assertThat(outcome).as(kill.name() + ": results").extracting(PostingResult::getOutcome)
                        .isNotEmpty().allMatch(o -> o == PostingOutcome.POSTED || o == PostingOutcome.ALREADY_POSTED);
                softly.assertThat(store.find(key).map(PostingRecord::state).blockOptional()).as(kill.name() + ": store")
                        .contains(PostingState.POSTED);
                assertPostedOnceInBc(softly, bc, request, kill.name());
                timings.put(kill.name(), since(killPointStart) + " (results: " + outcome.stream()
                        .map(r -> r.getOutcome() + "/" + r.getBcCalls() + " BC calls").toList() + ")");
            }
            poster.stop();

            softly.assertThat(bc.draftPurchaseInvoiceCount()).as("no draft left behind").isZero();
            softly.assertThat(bc.journalLines("PROCORE")).as("no journal line left in the connector's batch").isEmpty();
            assertNoSecretIn(softly, posterLogs, stack);
            softly.assertAll();
        } finally {
            PosterProcess.stopAll();
            // when a hard failure (a poster that never reaches a step) ends the run, say what was already wrong
            softly.errorsCollected().forEach(e -> System.out.println("PosterKilledMidPostingIT earlier failure: "
                    + e.getMessage().lines().limit(3).toList()));
            timings.put("total", since(began));
            timings.forEach((what, took) -> System.out.println("PosterKilledMidPostingIT " + what + ": " + took));
        }
    }

    // ------------------------------------------------------------------ BC checks

    private static void assertPostedOnceInBc(SoftAssertions softly, SandboxCompany bc, PostingRequest request,
                                             String killPoint) {
        String key = request.getPostingKey();
        if (request.getDocumentKind() == BcDocumentKind.PURCHASE_INVOICE) {
            List<JsonNode> posted = bc.postedPurchaseInvoices(request.getVendorInvoiceNumber());
            softly.assertThat(posted).as(killPoint + ": one posted invoice with the vendor's number "
                            + request.getVendorInvoiceNumber())
                    .extracting(i -> i.path("totalAmountIncludingTax").decimalValue())
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(request.getTotalAmount());
            softly.assertThat(bc.purchaseInvoices()).as(killPoint + ": every invoice with key " + key
                            + ", draft or posted (number, status)")
                    .filteredOn(i -> bc.purchaseInvoiceLines(java.util.UUID.fromString(i.path("id").asString())).stream()
                            .anyMatch(l -> ("Procore posting " + key).equals(l.path("description").asString())))
                    .extracting(i -> i.path("number").asString() + " " + i.path("status").asString()).hasSize(1);
            return;
        }
        // compact "account debit/credit" strings keep a failure readable
        List<String> entries = bc.generalLedgerEntries(key).stream().map(e -> e.path("accountNumber").asString() + " "
                + e.path("debitAmount").decimalValue() + "/" + e.path("creditAmount").decimalValue()).toList();
        int lines = request.getLines().size();
        // each journal line posts its account and its balancing account: 2 entries per line, once
        softly.assertThat(entries).as(killPoint + ": G/L entries of " + key + " (2 per line: account and balancing)")
                .hasSize(lines * 2);
        List<String> committed = entries.stream().filter(e -> e.startsWith("1810 ")).toList();
        softly.assertThat(committed).as(killPoint + ": one debit per line on 1810").hasSize(lines);
        BigDecimal debits = committed.stream().map(e -> new BigDecimal(e.substring(5, e.indexOf('/'))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        softly.assertThat(debits).as(killPoint + ": posted amount").isEqualByComparingTo(request.getTotalAmount());
    }

    // ------------------------------------------------------------------ secrets

    private static void assertNoSecretIn(SoftAssertions softly, List<Path> logs, LocalStack stack) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("BC client secret", LocalStack.BC_CLIENT_SECRET);
        secrets.put("Procore client secret", LocalStack.PROCORE_CLIENT_SECRET);
        secrets.put("Procore webhook token", stack.webhookToken.reveal());
        secrets.put("BC webhook client state", Files.readString(stack.stateDir.resolve("bc-client-state")).trim());
        String keyRing = stack.encryptionKeys;
        secrets.put("encryption key", keyRing.substring(keyRing.indexOf(':') + 1));
        for (Path log : logs) {
            String text = Files.readString(log);
            softly.assertThat(text).as(log + " is a real poster log").contains("Started BcPosterApplication");
            secrets.forEach((what, value) -> softly.assertThat(text.contains(value))
                    .as(log + " must not contain the " + what).isFalse());
            Matcher bearer = BEARER_VALUE.matcher(text);
            softly.assertThat(bearer.find()).as(log + " must not contain a bearer token").isFalse();
        }
    }

    // ------------------------------------------------------------------ the poster as a child process

    /** bc-poster started like a deployment starts it: its main class, its own config file, a few overrides. */
    private static final class PosterProcess {

        /** Every poster this test started: none may outlive it, whatever failed. */
        private static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
        }

        private final Process process;
        private final Path log;

        private PosterProcess(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static PosterProcess start(LocalStack stack, String classpath, int n, List<Path> logs) throws IOException {
            String registry = stack.registry.baseUri().toString();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, "io.mlconnector.poster.BcPosterApplication",
                    "--spring.config.name=bc-poster",
                    "--spring.kafka.bootstrap-servers=" + stack.kafka.bootstrapServers(),
                    "--spring.kafka.properties.schema.registry.url=" + registry,
                    "--spring.kafka.producer.properties.schema.registry.url=" + registry,
                    "--spring.kafka.consumer.properties.schema.registry.url=" + registry,
                    "--spring.kafka.consumer.properties.group.instance.id=bc-poster-killed-mid-posting",
                    "--mlc.mongodb.uri=" + stack.mongo.connectionString(),
                    "--mlc.mongodb.database=ml-connector",
                    "--mlc.tenants.file=" + stack.tenantsFile,
                    "--server.port=0", "--server.address=127.0.0.1",
                    "--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
                    // the connector's own debug output too: no secret may hide there either
                    "--logging.level.io.mlconnector=DEBUG"));
            Path log = LOGS.resolve("poster-" + n + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            // the key ring as a deployment passes it: environment, not command line
            builder.environment().put("MLC_ENCRYPTION_KEYS", stack.encryptionKeys);
            logs.add(log);
            Process process = builder.start();
            STARTED.add(process);
            return new PosterProcess(process, log);
        }

        boolean requireAlive() {
            if (!process.isAlive()) {
                throw new IllegalStateException("bc-poster exited with " + process.exitValue() + "; see " + log);
            }
            return true;
        }

        /** SIGKILL: no shutdown hook, no Kafka leave-group, no offset commit, no flush. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("poster died").isTrue();
        }

        static void stopAll() throws InterruptedException {
            for (Process p : STARTED) {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    // ------------------------------------------------------------------ Kafka

    private static KafkaProducer<String, PostingRequest> producer(LocalStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerializer<>(new SchemaRegistryRestClient(stack.registry.baseUri())));
    }

    /** Everything on bc.posting-results, read from the start with the project's deserializer, by posting key. */
    private static final class PostingResults implements AutoCloseable {

        private final KafkaConsumer<String, PostingResult> consumer;
        private final Map<String, List<PostingResult>> byKey = new LinkedHashMap<>();

        PostingResults(LocalStack stack) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new AvroDeserializer<>(PostingResult.class,
                    new SchemaRegistryRestClient(stack.registry.baseUri())));
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BC_POSTING_RESULTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<PostingResult> forKey(String postingKey) {
            poll(Duration.ofMillis(200));
            return List.copyOf(byKey.getOrDefault(postingKey, List.of()));
        }

        List<PostingResult> await(String postingKey, Duration timeout, Supplier<Boolean> producerAlive) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                producerAlive.get();
                poll(Duration.ofMillis(250));
                if (byKey.containsKey(postingKey)) {
                    poll(Duration.ofMillis(500)); // a duplicate result would show up right behind it
                    return List.copyOf(byKey.get(postingKey));
                }
            }
            throw new AssertionError("no result for " + postingKey + " on " + Topics.BC_POSTING_RESULTS + " within "
                    + timeout);
        }

        private void poll(Duration wait) {
            for (ConsumerRecord<String, PostingResult> r : consumer.poll(wait)) {
                byKey.computeIfAbsent(r.value().getPostingKey(), k -> new ArrayList<>()).add(r.value());
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    // ------------------------------------------------------------------ requests (demo tenant, demo-data/README.md)

    /** Requisition on Apex Concrete (V1010), project 2024-001: 12,500 + 2,000 on 5130, retainage -1,450 on 2120. */
    private static PostingRequest requisition() {
        String sourceId = nextSourceId();
        PostingRequest request = request("RQ", SourceType.REQUISITION, sourceId, BcDocumentKind.PURCHASE_INVOICE, APEX_ID,
                "V1010", null,
                List.of(line("Cast-in-Place Concrete, this period", "5130", null, "12500.00", "03-300"),
                        line("General Conditions, this period", "5130", null, "2000.00", "01-100"),
                        new PostingLine(null, "Retainage withheld", "2120", null, money("-1450.00"),
                                List.of(new DimensionValue("PROJECT", "2024-001")))));
        request.setVendorInvoiceNumber("APEX-" + sourceId); // the subcontractor's own invoice number
        return request;
    }

    /** Approved subcontract: memo lines on 1810 balanced by 1815 in the connector's PROCORE batch. */
    private static PostingRequest commitment(int lineCount) {
        String[] costCodes = {"03-300", "05-100", "09-200", "22-100", "26-000"};
        List<PostingLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            lines.add(line("Committed: subcontract line " + (i + 1), "1810", "1815", (1000 + i) + ".25",
                    costCodes[i % costCodes.length]));
        }
        return request("CM", SourceType.WORK_ORDER_CONTRACT, nextSourceId(), BcDocumentKind.GENERAL_JOURNAL, null, null,
                "PROCORE", lines);
    }

    private static PostingLine line(String description, String account, String balancing, String amount,
                                    String costCode) {
        return new PostingLine(null, description, account, balancing, money(amount), List.of(
                new DimensionValue("PROJECT", "2024-001"), new DimensionValue("COSTCODE", costCode),
                new DimensionValue("COSTTYPE", "S")));
    }

    private static PostingRequest request(String prefix, SourceType type, String sourceId, BcDocumentKind kind,
                                          String vendorId, String vendorNumber, String journal, List<PostingLine> lines) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        // PREFIX-<source id>-<8 hex>: unique per run, at most 20 characters (fits a journal's Document No.)
        String key = prefix + "-" + sourceId + "-" + HexFormat.of().withUpperCase().formatHex(random);
        return PostingRequest.newBuilder()
                .setTenantId(LocalStack.TENANT_ID)
                .setPostingKey(key)
                .setSourceType(type)
                .setSourceId(sourceId)
                .setContentRevision("rev-1")
                .setDocumentKind(kind)
                .setVendorId(vendorId)
                .setVendorNumber(vendorNumber)
                .setDocumentNumber("#" + sourceId)
                .setDocumentDate(DOCUMENT_DATE)
                .setPostingDate(DOCUMENT_DATE)
                .setDescription("killed mid-posting: " + kind)
                .setCurrency(null)
                .setJournalCode(journal)
                .setLines(lines)
                .setTotalAmount(lines.stream().map(PostingLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(2))
                .setRequestedAt(Instant.now())
                .build();
    }

    private static final AtomicInteger SOURCE_IDS = new AtomicInteger(7400100 + ThreadLocalRandom.current().nextInt(50_000));

    private static String nextSourceId() {
        return Integer.toString(SOURCE_IDS.incrementAndGet());
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    private static String since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() + " ms";
    }
}
