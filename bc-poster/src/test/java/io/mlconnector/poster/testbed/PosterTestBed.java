package io.mlconnector.poster.testbed;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.oauth.Secret;
import io.mlconnector.poster.posting.LedgerDocument;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.schemas.serde.AvroTrust;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.bc.RequestLogEntry;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * What a poster process runs against, shared by the processes of one test: a MongoDB-wire server reached through
 * the real driver, and the BC sandbox over loopback HTTP (demo data: Harbor Ridge Builders). Each test takes a fresh
 * database; "a new process" is {@link #process} again: new clients, stores and workflow on the same Mongo and BC.
 */
public final class PosterTestBed implements AutoCloseable {

    public static final String TENANT = "harbor-ridge";
    public static final String BC_TENANT = "7c1d2e3f-0000-4000-8000-00000000b001";
    public static final UUID BC_COMPANY = UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001");
    public static final String BC_CLIENT_SECRET = "bc-sandbox-secret";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    static {
        AvroTrust.install(); // copying generated records (newBuilder(other)) goes through Avro's class check
    }

    private final MongoServer mongoServer;
    private final MongoClient mongo;
    public final BcSandbox bc;

    private PosterTestBed(BcSandboxOptions options) {
        this.mongoServer = new MongoServer(new MemoryBackend());
        var address = mongoServer.bind(); // 127.0.0.1, ephemeral port
        this.mongo = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        this.bc = BcSandbox.start(options);
    }

    /** Demo data; Retry-After 0 so the client's honoured waits cost nothing in tests. */
    public static PosterTestBed start() {
        return start(BcSandboxOptions.builder().demoData().retryAfter(Duration.ZERO));
    }

    public static PosterTestBed start(BcSandboxOptions.Builder options) {
        return new PosterTestBed(options.build());
    }

    public MongoDatabase freshDatabase() {
        return mongo.getDatabase("bc-poster-test-" + DATABASES.incrementAndGet());
    }

    public Tenant tenant() {
        return new Tenant(TENANT, "Harbor Ridge Builders",
                new BcSettings(BC_TENANT, "Production", BC_COMPANY, "harbor-ridge-bc-app", Secret.of(BC_CLIENT_SECRET),
                        URI.create(bc.apiBaseUrl()), URI.create(bc.loginBaseUrl())),
                new ProcoreSettings(5001234, "harbor-ridge-procore", Secret.of("procore-sandbox-secret")),
                Secret.of("webhook-token"), Secret.of("client-state"), null, null);
    }

    /** Client options for tests: the production defaults with short back-off, 2 retries. */
    public static BcClientOptions clientOptions() {
        return BcClientOptions.defaults().withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    /** A new poster process with the production strategies. */
    public PosterProcess process(MongoDatabase db) {
        return process(db, clientOptions(), UnaryOperator.identity());
    }

    /** A new poster process whose strategies are wrapped (crash injection) and whose BC client is configured so. */
    public PosterProcess process(MongoDatabase db, BcClientOptions options, UnaryOperator<LedgerDocument> wrap) {
        return new PosterProcess(tenant(), db, options, wrap);
    }

    /** API calls the sandbox logged since the last clear (token requests excluded). */
    public List<RequestLogEntry> apiCalls() {
        return bc.requestLog().stream().filter(RequestLogEntry::isApiCall).toList();
    }

    @Override
    public void close() {
        mongo.close();
        mongoServer.shutdownNow();
        bc.close();
    }
}
