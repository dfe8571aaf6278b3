package io.mlconnector.vendorsync;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.oauth.Secret;
import io.mlconnector.procore.ApiCallListener;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.vendorsync.notification.NotificationHandler;
import io.mlconnector.vendorsync.polling.PurchaseOrderPoller;
import io.mlconnector.vendorsync.polling.PurchaseOrderStore;
import io.mlconnector.vendorsync.polling.SyncStateStore;
import io.mlconnector.vendorsync.polling.VendorPoller;
import io.mlconnector.vendorsync.subscription.NotificationUrls;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper;
import io.mlconnector.vendorsync.subscription.SubscriptionStore;
import io.mlconnector.vendorsync.vendor.VendorLinkStore;
import io.mlconnector.vendorsync.vendor.VendorSync;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real things on loopback, wired by hand: BC and Procore sandboxes with the demo data, a MongoDB-wire server
 * through the real (reactive) driver, and vendor-sync's classes (no Spring, no mocks). The tests wait for each flow
 * with {@code block()} on their own thread.
 */
public final class SyncFixture implements AutoCloseable {

    public static final String TENANT_ID = "harbor-ridge";
    public static final String CLIENT_STATE = "bc-client-state-for-tests";
    public static final long PROCORE_COMPANY = 5001234L;
    public static final UUID BC_COMPANY = UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001");
    public static final Path PROCORE_DATA = Path.of("../demo-data/procore");

    public final Clock clock;
    public final BcSandbox bcSandbox;
    public final ProcoreSandbox procoreSandbox;
    public final MongoServer mongoServer;
    public final MongoClient mongoClient;
    public final MongoDatabase db;
    public final Tenant tenant;
    public final TenantRegistry tenants;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final VendorSyncMetrics metrics = new VendorSyncMetrics(meters);
    public final BcClients bcClients;
    public final ProcoreClients procoreClients;
    public final VendorLinkStore links;
    public final SyncStateStore state;
    public final SubscriptionStore subscriptionStore;
    public final PurchaseOrderStore purchaseOrderStore;
    public final VendorSync vendorSync;
    public final NotificationHandler notifications;

    public SyncFixture(Clock clock, BcSandboxOptions.Builder bcOptions) {
        this.clock = clock;
        this.bcSandbox = BcSandbox.start(bcOptions.demoData().clock(clock).build());
        this.procoreSandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(PROCORE_DATA));
        this.mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress mongo = mongoServer.bind();
        this.mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongo.getPort());
        this.db = mongoClient.getDatabase("vendor-sync-test");
        this.tenant = tenant(bcSandbox, procoreSandbox);
        this.tenants = new TenantRegistry() {
            @Override
            public List<Tenant> all() {
                return List.of(tenant);
            }

            @Override
            public Optional<Tenant> byId(String id) {
                return tenant.id().equals(id) ? Optional.of(tenant) : Optional.empty();
            }
        };
        this.bcClients = new BcClients(WebClient.builder(), clock,
                id -> BcClientOptions.defaults().withRetries(1, Duration.ofMillis(50), Duration.ofMillis(200)));
        this.procoreClients = new ProcoreClients(WebClient.builder(), clock, ProcoreClientOptions.defaults(),
                id -> ApiCallListener.NONE);
        this.links = new VendorLinkStore(db);
        links.createIndexes().block();
        this.state = new SyncStateStore(db);
        this.subscriptionStore = new SubscriptionStore(db);
        this.purchaseOrderStore = new PurchaseOrderStore(db);
        this.vendorSync = new VendorSync(bcClients, procoreClients, links,
                link -> Mono.fromRunnable(() -> publishedLinks.add(link)), state, metrics, clock);
        this.notifications = new NotificationHandler(tenants, bcClients, vendorSync, state, metrics, clock);
    }

    /** Links vendor-sync published (the service publishes them on vendor.links, see VendorSyncServiceTest). */
    public final List<io.mlconnector.events.VendorLink> publishedLinks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The demo tenant with vendorSync.relinkRecreatedVendors on. */
    public Tenant tenantRelinkingRecreatedVendors() {
        return new Tenant(tenant.id(), tenant.displayName(), tenant.bc(), tenant.procore(), tenant.webhookToken(),
                tenant.bcClientState(), tenant.syncSchedule(), tenant.postingPolicy(),
                new io.mlconnector.tenant.VendorSyncSettings(true));
    }

    /** The latest published link of a Procore vendor, as a consumer of the compacted topic sees it. */
    public Optional<io.mlconnector.events.VendorLink> publishedLink(long procoreVendorId) {
        io.mlconnector.events.VendorLink last = null;
        for (io.mlconnector.events.VendorLink link : publishedLinks) {
            if (link.getProcoreVendorId() == procoreVendorId) {
                last = link;
            }
        }
        return Optional.ofNullable(last);
    }

    public static SyncFixture start() {
        return new SyncFixture(Clock.systemUTC(), BcSandboxOptions.builder().notificationDelay(Duration.ofMillis(200)));
    }

    /** The demo tenant pointing at the two sandboxes. */
    public static Tenant tenant(BcSandbox bc, ProcoreSandbox procore) {
        return new Tenant(TENANT_ID, "Harbor Ridge Builders",
                new BcSettings("7c1d2e3f-0000-4000-8000-00000000b001", "Production", BC_COMPANY, "harbor-ridge-bc-app",
                        Secret.of("bc-sandbox-secret"), URI.create(bc.apiBaseUrl()), URI.create(bc.loginBaseUrl())),
                new ProcoreSettings(PROCORE_COMPANY, "harbor-ridge-procore", Secret.of("procore-sandbox-secret"),
                        List.of(), URI.create(procore.baseUrl()), URI.create(procore.baseUrl())),
                Secret.of("procore-webhook-token"), Secret.of(CLIENT_STATE), null, null);
    }

    public SubscriptionKeeper subscriptionKeeper(String notificationBaseUrl, Duration renewBefore) {
        return new SubscriptionKeeper(bcClients, subscriptionStore, new NotificationUrls(notificationBaseUrl, null),
                List.of("vendors"), renewBefore, metrics, clock);
    }

    public VendorPoller vendorPoller(boolean webhooksEnabled, Duration silence) {
        return new VendorPoller(bcClients, vendorSync, state, metrics, webhooksEnabled, silence, Duration.ofMinutes(2),
                clock);
    }

    /** Purchase orders the poller handed on (the service hands them to Kafka, see VendorSyncServiceTest). */
    public final java.util.List<io.mlconnector.bc.BcPurchaseOrder> publishedPurchaseOrders =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public PurchaseOrderPoller purchaseOrderPoller() {
        return new PurchaseOrderPoller(bcClients, purchaseOrderStore,
                (tenantId, order, linked, at) -> Mono.fromRunnable(() -> publishedPurchaseOrders.add(order)), links, state, metrics,
                Duration.ofMinutes(2), clock);
    }

    public ObjectNode procoreVendor(long id) {
        return procoreSandbox.data().find(Resource.VENDORS, PROCORE_COMPANY, id).orElseThrow();
    }

    public List<ObjectNode> procoreVendors() {
        return procoreSandbox.data().all(Resource.VENDORS, PROCORE_COMPANY);
    }

    public Optional<ObjectNode> procoreVendorWithOrigin(String originId) {
        return procoreVendors().stream().filter(v -> originId.equals(v.path("origin_id").asString(null))).findFirst();
    }

    public long procoreVendorWrites() {
        return procoreSandbox.log().count(r -> !r.method().equals("GET") && r.pathAndQuery().contains("/vendors"));
    }

    public double meter(String name, String... tags) {
        var search = meters.find(name).tags(tags);
        if (search.counter() != null) {
            return search.counter().count();
        }
        return search.gauge() == null ? Double.NaN : search.gauge().value();
    }

    @Override
    public void close() {
        mongoClient.close();
        mongoServer.shutdownNow();
        procoreSandbox.close();
        bcSandbox.close();
    }
}
