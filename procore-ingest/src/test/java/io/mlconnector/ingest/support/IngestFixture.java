package io.mlconnector.ingest.support;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.events.CostDocument;
import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.ingest.publish.CostDocumentPublisher;
import io.mlconnector.ingest.state.DeletionCheckStore;
import io.mlconnector.ingest.state.PublishedRevisionStore;
import io.mlconnector.ingest.state.WatermarkStore;
import io.mlconnector.ingest.sync.DeletionCheck;
import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.ingest.sync.ProcoreCallCounter;
import io.mlconnector.ingest.sync.Readers;
import io.mlconnector.ingest.sync.SyncReport;
import io.mlconnector.ingest.sync.TenantSync;
import io.mlconnector.oauth.Secret;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.sandbox.procore.LoggedRequest;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.schemas.serde.AvroSerializer;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * procore-ingest wired by hand against the real things on loopback: the Procore sandbox, a MongoDB-wire server
 * through the real driver, and the shared in-JVM KRaft broker. No Spring, no mocks. Each fixture has its own
 * tenant id, sandbox and database, so tests can change data freely.
 */
public final class IngestFixture implements AutoCloseable {

    public static final Path DEMO_DATA = Path.of("../demo-data/procore");
    public static final long COMPANY = 5001234L;
    public static final List<Long> DEMO_PROJECTS = List.of(2001001L, 2001002L, 2001003L, 2001004L, 2001005L);

    /** As in production: a pass lists ids for the deletion check at most once an hour per project and type. */
    public static final Duration DELETION_CHECK_INTERVAL = Duration.ofHours(1);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final ProcoreSandbox sandbox;
    public final Tenant tenant;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final IngestMetrics metrics = new IngestMetrics(meters);
    public final ProcoreCallCounter calls = new ProcoreCallCounter(metrics);
    public final TenantSync sync;
    public final IngestService ingest;
    public final CostDocumentTopic topic;
    public final DeletionCheckStore deletionChecks;
    private final MongoServer mongoServer;
    private final MongoClient mongoClient;
    private final DefaultKafkaProducerFactory<String, CostDocument> producers;

    private IngestFixture(ProcoreSandboxOptions sandboxOptions, Duration overlap) {
        this.sandbox = ProcoreSandbox.start(sandboxOptions);
        this.mongoServer = new MongoServer(new MemoryBackend());
        this.mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.bind().getPort());
        MongoDatabase db = mongoClient.getDatabase("procore-ingest-test");
        this.tenant = tenant("t" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8), sandbox);
        TenantRegistry tenants = new TenantRegistry() {
            @Override
            public List<Tenant> all() {
                return List.of(tenant);
            }

            @Override
            public Optional<Tenant> byId(String id) {
                return tenant.id().equals(id) ? Optional.of(tenant) : Optional.empty();
            }
        };
        String bootstrap = SharedKafka.bootstrapServers();
        this.producers = new DefaultKafkaProducerFactory<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "schema.registry.url", SharedKafka.REGISTRY, "acks", "all", "linger.ms", 0,
                "key.serializer", StringSerializer.class, "value.serializer", AvroSerializer.class));
        ProcoreClients clients = new ProcoreClients(WebClient.builder(), Clock.systemUTC(), ProcoreClientOptions.defaults(),
                calls::listenerFor);
        CostDocumentPublisher publisher = new CostDocumentPublisher(new KafkaTemplate<>(producers),
                new PublishedRevisionStore(db));
        this.deletionChecks = new DeletionCheckStore(db);
        DeletionCheck deletions = new DeletionCheck(publisher.revisions(), deletionChecks, publisher,
                DELETION_CHECK_INTERVAL, Clock.systemUTC());
        this.sync = new TenantSync(clients, Readers.all(), new WatermarkStore(db), publisher, calls, metrics, overlap,
                Clock.systemUTC(), deletions);
        this.ingest = new IngestService(tenants, sync);
        this.topic = new CostDocumentTopic(bootstrap, tenant.id());
    }

    /**
     * The demo data with rate limits out of the way (tests of what is read, not of pacing; the sandbox's
     * Procore-like default of 100 per 10 s would make every second sync wait out a window).
     */
    public static IngestFixture demo() {
        return start(unthrottled(DEMO_DATA));
    }

    public static ProcoreSandboxOptions unthrottled(Path data) {
        return ProcoreSandboxOptions.defaults(data).withSpikeLimit(1_000_000, Duration.ofSeconds(10))
                .withHourlyLimit(10_000_000, Duration.ofHours(1));
    }

    public static IngestFixture start(ProcoreSandboxOptions options) {
        return new IngestFixture(options, Duration.ofMinutes(2));
    }

    public SyncReport sync() {
        return ingest.syncTenant(tenant.id(), false).block(Duration.ofSeconds(60));
    }

    public SyncReport fullSync() {
        return ingest.syncTenant(tenant.id(), true).block(Duration.ofSeconds(60));
    }

    /** Makes every project's deletion check due on the next pass, as if the interval had passed since the last one. */
    public void deletionCheckDue() {
        for (long project : sandbox.data().all(io.mlconnector.sandbox.procore.Resource.PROJECTS, COMPANY).stream()
                .map(p -> p.path("id").asLong()).toList()) {
            for (io.mlconnector.events.SourceType type : io.mlconnector.events.SourceType.values()) {
                if (deletionChecks.lastChecked(tenant.id(), project, type).block().isPresent()) {
                    deletionChecks.checked(tenant.id(), project, type,
                            java.time.Instant.now().minus(DELETION_CHECK_INTERVAL).minusSeconds(1)).block();
                }
            }
        }
    }

    /** API calls the sandbox answered (token requests excluded: they are not API calls and not rate limited). */
    public List<LoggedRequest> apiRequests() {
        return sandbox.log().requests(r -> r.path().startsWith("/rest/"));
    }

    public static Tenant tenant(String id, ProcoreSandbox sandbox) {
        return new Tenant(id, "Harbor Ridge Builders",
                new BcSettings("7c1d2e3f-0000-4000-8000-00000000b001", "Production",
                        UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001"), "harbor-ridge-bc-app",
                        Secret.of("bc-sandbox-secret")),
                new ProcoreSettings(COMPANY, "harbor-ridge-procore", Secret.of("procore-sandbox-secret"), List.of(),
                        URI.create(sandbox.baseUrl()), URI.create(sandbox.baseUrl())),
                Secret.of("procore-webhook-token"), Secret.of("bc-client-state"), null, null);
    }

    @Override
    public void close() {
        topic.close();
        producers.destroy();
        mongoClient.close();
        mongoServer.shutdownNow();
        sandbox.close();
    }
}
