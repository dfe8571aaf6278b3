package io.mlconnector.local;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingResult;
import io.mlconnector.gateway.WebhookUrls;
import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.ingest.sync.SyncReport;
import io.mlconnector.local.ServiceLauncher.Service;
import io.mlconnector.mapping.config.TenantFileSettings;
import io.mlconnector.mapping.core.CostDocumentMapper;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code bin/ml-connector local}: the local stack, the five services, and either one full sync with a
 * summary ({@code --once}) or a connector that keeps running on its schedules until stopped.
 */
public final class LocalRun implements AutoCloseable {

    private final LocalOptions options;
    private final LocalStack stack;
    private final ServiceLauncher services;
    private final PrintStream out;
    private final Thread stopOnSignal = new Thread(this::stopOnSignal, "ml-connector-stop");
    private boolean closed; // guarded by this
    private ConsumerControl control; // bin/ml-connector replay stops and starts one group's consumers through it
    private ApiCallTally calls; // each service's requests to the APIs, by purpose
    private LastSync lastSync; // the last syncOnce's reads, for summarizing them again later

    /** What {@link #syncOnce()} read, from when, and the sandboxes' request counts before it. */
    private record LastSync(List<SyncReport> reports, Instant start, int procoreBefore, long bcBefore) {
    }

    private LocalRun(LocalOptions options, LocalStack stack, ServiceLauncher services, PrintStream out) {
        this.options = options;
        this.stack = stack;
        this.services = services;
        this.out = out;
    }

    /** Runs as the command line asked; returns the summary of the (first) sync. */
    public static RunSummary run(LocalOptions options, Path home) throws Exception {
        PrintStream out = System.out;
        try (LocalRun run = start(options, out)) {
            RunSummary summary = run.syncOnce();
            out.print(summary.toText());
            if (options.summaryJson() != null) {
                summary.writeJson(options.summaryJson());
                out.println("summary written to " + options.summaryJson());
            }
            if (!options.once()) {
                out.println("\nml-connector keeps running: reconciliation on the tenant's schedule, webhooks at the"
                        + " URLs above. Ctrl-C stops it.");
                new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM: stopOnSignal closes everything

            }
            return summary;
        }
    }

    public static LocalRun start(LocalOptions options, PrintStream out) throws Exception {
        // Refuse wrong folders and files before anything starts, one line each.
        io.mlconnector.tenant.Tenant tenant = LocalInputs.check(options, System.getenv());
        // Five Spring Boot contexts share this JVM's logging: configure it once (logback.xml), not five times.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        out.println("ml-connector: starting Kafka (KRaft), MongoDB-wire store, schema registry and the Procore and BC sandboxes"
                + (options.stateDir() == null ? "" : " with state in " + options.stateDir()));
        LocalStack stack = LocalStack.start(options, tenant, brokerClasspath(), options.stateDir() != null);
        try {
            int gatewayPort = stack.ports.port(Service.WEBHOOK_GATEWAY.name);
            Map<String, Object> common = new LinkedHashMap<>();
            common.put("spring.kafka.bootstrap-servers", stack.kafka.bootstrapServers());
            common.put("spring.kafka.properties.schema.registry.url", stack.registry.baseUri().toString());
            common.put("spring.kafka.producer.properties.schema.registry.url", stack.registry.baseUri().toString());
            common.put("spring.kafka.consumer.properties.schema.registry.url", stack.registry.baseUri().toString());
            common.put("mlc.mongodb.uri", stack.mongo.connectionString());
            common.put("mlc.mongodb.database", "ml-connector");
            // the embedded store shares this machine's cores with everything else: production's fail-fast timeouts
            // (sized for answering webhooks) would fail the start on a busy laptop
            common.put("mlc.mongodb.server-selection-timeout", "15s");
            common.put("mlc.mongodb.read-timeout", "15s");
            common.put("mlc.tenants.file", stack.tenantsFile.toString());
            // one broker: one copy of every record, allowed explicitly (the services refuse it otherwise)
            common.put("mlc.kafka.replication-factor", 1);
            common.put("mlc.kafka.allow-single-replica", true);
            common.put("mlc.encryption-keys", stack.encryptionKeys);
            common.put("server.address", "127.0.0.1");
            common.put("spring.main.banner-mode", "off");
            common.put("spring.jmx.enabled", false);
            Map<Service, Map<String, Object>> perService = new java.util.EnumMap<>(Map.of(
                    Service.WEBHOOK_GATEWAY, Map.of("mlc.gateway.base-url", "http://127.0.0.1:" + gatewayPort),
                    Service.PROCORE_INGEST, Map.of("mlc.ingest.schedule-enabled", !options.once(),
                            "mlc.ingest.webhook-base-url", "http://127.0.0.1:" + gatewayPort),
                    Service.MAPPING_SERVICE, Map.of("mlc.mapping.seed." + stack.tenant.id(), options.mappingFile().toString()),
                    Service.VENDOR_SYNC, Map.of("mlc.vendor-sync.schedule-enabled", !options.once(),
                            "mlc.vendor-sync.notification-base-url", "http://127.0.0.1:" + gatewayPort)));
            for (Service service : Service.values()) { // each service on its own port, the same on every run
                Map<String, Object> props = new LinkedHashMap<>(perService.getOrDefault(service, Map.of()));
                props.put("server.port", stack.ports.port(service.name));
                perService.put(service, props);
            }
            out.println("ml-connector: starting webhook-gateway, procore-ingest, mapping-service, bc-poster, vendor-sync");
            ApiCallTally calls = new ApiCallTally(stack.procore.port(), stack.bc.port());
            ServiceLauncher services = ServiceLauncher.start(common, perService, calls);
            LocalRun run = new LocalRun(options, stack, services, out);
            run.calls = calls;
            Runtime.getRuntime().addShutdownHook(run.stopOnSignal);
            run.control = ConsumerControl.start(() -> java.util.Arrays.stream(Service.values())
                    .map(services::context).filter(java.util.Objects::nonNull).toList(),
                    stack.stateDir, stack.kafka.bootstrapServers(), stack.ports.port(LocalStack.REPLAY_CONTROL_PORT));
            run.printEndpoints(gatewayPort);
            return run;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void printEndpoints(int gatewayPort) {
        String base = "http://127.0.0.1:" + gatewayPort;
        if (options.stateDir() == null) {
            out.println("ports: picked for this run only (with --state-dir DIR they are kept and reused)");
        } else if (!stack.ports.picked().isEmpty()) {
            out.println("ports: " + (stack.ports.picked().size() == LocalStack.portNames().size() ? "picked" : "picked for "
                    + String.join(", ", stack.ports.picked())) + " and kept in " + stack.ports.file()
                    + "; later runs on this --state-dir use the same ones");
        } else {
            out.println("ports: the same as the last run on this --state-dir (kept in " + stack.ports.file() + ")");
        }
        stack.kafka.portsReplaced().forEach(note -> out.println("ports: Kafka " + note));
        out.println("Procore sandbox:  " + stack.procore.baseUrl() + "   (API /rest/..., token /oauth/token)");
        out.println("BC sandbox:       " + stack.bc.apiBaseUrl() + "   (API /v2.0/{tenant}/{environment}/api/v2.0/...)");
        out.println("Kafka:            " + stack.kafka.bootstrapServers() + "   schema registry: " + stack.registry.baseUri()
                + " (/subjects, /schemas/ids/{id})");
        out.println("MongoDB:          " + stack.mongo.connectionString());
        out.println("replay control:   http://127.0.0.1:" + control.port() + " (POST /consumers/{group}/stop, "
                + "/consumers/{group}/start; token in " + stack.stateDir.resolve(ConsumerControl.FILE)
                + "; used by bin/ml-connector replay)");
        for (Service service : Service.values()) {
            String address = "http://127.0.0.1:" + services.port(service);
            out.printf("%-17s %s%n", service.name + ":", address);
            ServiceRoutes.of(services.context(service)).forEach((path, methods) ->
                    out.printf("    %-18s %s%s%n", methods, address, path));
        }
        String tenant = stack.tenant.id();
        out.println("tenant " + tenant + " Procore webhook URL: " + WebhookUrls.procore(base, tenant)
                + "  (shared token in " + stack.stateDir.resolve("procore-webhook-token") + ")");
        out.println("tenant " + tenant + " BC webhook URL:      " + WebhookUrls.bc(base, tenant));
        out.println("replay a consumer group: bin/ml-connector replay --state-dir " + stack.stateDir
                + " --group bc-poster --topic " + Topics.BC_POSTING_REQUESTS + " --to-offset 0 --dry-run");
    }

    /** One full sync: ingest every tenant, wait until mapping and posting have drained, then summarize. */
    public RunSummary syncOnce() throws Exception {
        Instant start = Instant.now();
        int procoreBefore = stack.procore.requestCount();
        long bcBefore = stack.bc.apiCallCount();
        out.println("ml-connector: syncing every project of every tenant ...");
        List<SyncReport> reports = services.context(Service.PROCORE_INGEST).getBean(IngestService.class)
                .syncAll(false).block(Duration.ofMinutes(30));
        new Quiescence(stack.kafka.bootstrapServers()).await(Map.of(
                "mapping-service", Topics.PROCORE_COST_DOCUMENTS,
                "bc-poster", Topics.BC_POSTING_REQUESTS), Duration.ofMinutes(30));
        lastSync = new LastSync(reports, start, procoreBefore, bcBefore);
        return summarizeLastSync();
    }

    /**
     * Where the documents the last {@link #syncOnce()} read stand now (after a replay, a fixed mapping, ...), with
     * the API calls since this run started; the sync's own counts (read, published, posted in it) stay its own.
     */
    RunSummary summarizeLastSync() throws Exception {
        if (lastSync == null) {
            throw new IllegalStateException("no sync has run yet");
        }
        Instant start = lastSync.start();
        OutcomeReader outcomes = new OutcomeReader(stack.kafka.bootstrapServers(),
                new SchemaRegistryRestClient(stack.registry.baseUri()));
        List<PostingResult> results = outcomes.postingResultsSince(start);
        List<MappingException> parked = outcomes.parkedSince(start);
        long waiting = waitingForAPerson();
        CostDocumentMapper mapper = services.context(Service.MAPPING_SERVICE).getBean(CostDocumentMapper.class);
        DocumentAccounting accounting = new DocumentAccounting(stack.tenant.id(), outcomes.latest(),
                mapper::decidedWithoutInputs, TenantFileSettings.of(stack.tenant.postingPolicy()).policy(), start);
        List<RunSummary.Accounted> documents = accounting.account(lastSync.reports().stream()
                .flatMap(r -> r.readDocuments().stream()).toList());
        Map<String, Long> logged = new TreeMap<>(Map.of(ApiCallTally.PROCORE, (long) stack.procore.requestCount(),
                ApiCallTally.BUSINESS_CENTRAL, (long) stack.bc.requestLog().size()));
        return summarize(lastSync.reports(), results, parked, waiting,
                stack.procore.requestCount() - lastSync.procoreBefore(), stack.bc.apiCallCount() - lastSync.bcBefore(),
                Duration.between(start, Instant.now()).toMillis(), documents, calls.snapshot(), logged);
    }

    private static RunSummary summarize(List<SyncReport> reports, List<PostingResult> results,
                                        List<MappingException> parked, long waiting, long procoreCalls, long bcCalls,
                                        long millis, List<RunSummary.Accounted> documents,
                                        Map<String, Map<String, Map<String, Long>>> callsBy, Map<String, Long> logged) {
        Map<String, Long> read = new TreeMap<>();
        Map<String, Long> published = new TreeMap<>();
        for (SyncReport report : reports) {
            report.read().forEach((type, n) -> read.merge(type.name(), n, Long::sum));
            report.published().forEach((type, n) -> published.merge(type.name(), n, Long::sum));
        }
        Map<String, Long> posted = results.stream().filter(OutcomeReader::posted)
                .collect(Collectors.groupingBy(r -> r.getDocumentKind().name(), TreeMap::new, Collectors.counting()));
        long already = results.stream().filter(r -> r.getOutcome() == PostingOutcome.ALREADY_POSTED).count();
        List<RunSummary.Parked> parkedList = new java.util.ArrayList<>();
        parked.forEach(e -> parkedList.add(new RunSummary.Parked(e.getSourceType().name(), e.getSourceId(),
                e.getDocument().getNumber(), "mapping",
                e.getReasons().stream().map(r -> r.getCode() + ": " + r.getMessage()).toList())));
        results.stream().filter(r -> r.getOutcome() == PostingOutcome.PARKED).forEach(r -> parkedList.add(
                new RunSummary.Parked(r.getSourceType().name(), r.getSourceId(), null, "business-central",
                        List.of(String.valueOf(r.getMessage())))));
        List<RunSummary.Failed> failed = results.stream().filter(r -> r.getOutcome() == PostingOutcome.FAILED)
                .map(r -> new RunSummary.Failed(r.getSourceType().name(), r.getSourceId(), r.getPostingKey(),
                        String.valueOf(r.getMessage()))).toList();
        Map<String, Long> calls = new TreeMap<>(Map.of("procore", procoreCalls, "businessCentral", bcCalls));
        return new RunSummary(read, published, posted, parkedList, failed, already, waiting, calls, millis, documents,
                callsBy, logged);
    }

    /**
     * Everything parked now, whichever run parked it, asked the way an accountant's tool would: the mapping
     * exceptions queue and the postings BC refused, through the services' own APIs.
     */
    private long waitingForAPerson() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long total = 0;
        for (String url : List.of(
                "http://127.0.0.1:" + services.port(Service.MAPPING_SERVICE) + "/api/tenants/" + stack.tenant.id()
                        + "/exceptions?status=PARKED",
                "http://127.0.0.1:" + services.port(Service.BC_POSTER) + "/api/tenants/" + stack.tenant.id()
                        + "/postings?state=PARKED")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            total += tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).size();
        }
        return total;
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceLauncher services() {
        return services;
    }

    /** The port of the replay control ({@link ConsumerControl}). */
    int controlPort() {
        return control.port();
    }

    /**
     * Ctrl-C / SIGTERM, in either mode: the JVM is going down, so stop everything in order here rather than leave it
     * to the operating system: intake first, in-flight records finished and committed, consumers out of their
     * groups, then the sandboxes' state saved (completely, atomically) and the store and broker shut down.
     * Restarting on the same state folder then finds everything where it was.
     */
    private void stopOnSignal() {
        out.println("ml-connector: stopping (finishing what is in flight, saving state) ...");
        long started = System.nanoTime();
        close();
        out.println("ml-connector: stopped in " + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (options.stateDir() == null ? "" : "; state kept in " + options.stateDir()));
    }

    /** Stops the services (intake first), then the stack; once, whoever calls first (the other caller waits). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != stopOnSignal) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it finds this run closed
            }
        }
        if (control != null) {
            control.close();
        }
        try {
            services.close();
        } finally {
            stack.close();
        }
    }

    /** The broker runs as a child JVM on the launcher's classpath (bin/ml-connector writes it to a file). */
    private static String brokerClasspath() throws IOException {
        String file = System.getProperty("mlc.classpath-file");
        if (file != null && Files.exists(Path.of(file))) {
            return Files.readString(Path.of(file)).trim();
        }
        return System.getProperty("java.class.path");
    }

}
