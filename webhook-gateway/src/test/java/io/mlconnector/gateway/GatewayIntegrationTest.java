package io.mlconnector.gateway;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.events.BcNotification;
import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.schemas.BcNotificationResource;
import io.mlconnector.schemas.Topics;
import io.mlconnector.events.BcSubscriptionState;
import io.mlconnector.gateway.subscription.KnownSubscriptions;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.serde.AvroSerdeConfig;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running gateway on a real port, a real in-JVM KRaft broker, a real MongoDB-wire server and an encrypted
 * tenants file. Subclasses share one Spring context (same annotations), so the broker starts once.
 */
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = WebhookGatewayApplication.CONFIG)
@EmbeddedKafka(partitions = 2, topics = {Topics.PROCORE_WEBHOOK_EVENTS, Topics.BC_WEBHOOK_EVENTS,
        Topics.BC_WEBHOOK_SUBSCRIPTIONS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class GatewayIntegrationTest {

    public static final String REGISTRY_URL = "inprocess://gateway-test";
    public static final String DEDUPE_COLLECTION = "procore_webhook_deliveries";

    /** One MongoDB-wire server for every test context in this JVM. */
    protected static final MongoServer MONGO = startMongo();

    @Autowired
    protected KnownSubscriptions knownSubscriptions;

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected WebTestClient http;
    protected TopicProbe<ProcoreWebhookEvent> procoreTopic;
    protected TopicProbe<BcNotification> bcTopic;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", () -> TestTenants.FILE.toString());
        registry.add("mlc.encryption-keys", () -> TestTenants.KEYS);
        registry.add("mlc.mongodb.uri", GatewayIntegrationTest::mongoUri);
        registry.add("mlc.mongodb.database", () -> "gateway-test");
        registry.add("spring.kafka.producer.properties.schema.registry.url", () -> REGISTRY_URL);
        registry.add("spring.kafka.consumer.properties.schema.registry.url", () -> REGISTRY_URL);
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        procoreTopic = new TopicProbe<>(bootstrapServers, REGISTRY_URL, Topics.PROCORE_WEBHOOK_EVENTS,
                ProcoreWebhookEvent.class);
        bcTopic = new TopicProbe<>(bootstrapServers, REGISTRY_URL, Topics.BC_WEBHOOK_EVENTS, BcNotification.class);
    }

    /**
     * Tells the gateway about a BC subscription the way vendor-sync does (a record on the compacted
     * {@code bc.webhook-subscriptions} topic) and waits until its in-memory view has it.
     */
    protected void subscriptionKnown(String tenantId, String subscriptionId, String resource, Instant expiresAt,
                                     boolean deleted) {
        BcSubscriptionState state = BcSubscriptionState.newBuilder()
                .setTenantId(tenantId).setSubscriptionId(subscriptionId)
                .setEntitySet(BcNotificationResource.parse(resource).map(BcNotificationResource::collection)
                        .orElse(null))
                .setResource(resource).setExpirationDateTime(expiresAt).setDeleted(deleted)
                .setObservedAt(Instant.now()).build();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY_URL);
        AvroSerializer<BcSubscriptionState> values = new AvroSerializer<>();
        values.configure(config, false);
        try (KafkaProducer<String, BcSubscriptionState> producer =
                     new KafkaProducer<>(config, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(Topics.BC_WEBHOOK_SUBSCRIPTIONS,
                    EventKeys.of(tenantId, "subscription", subscriptionId), state)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the subscription state", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var known = knownSubscriptions.find(tenantId, subscriptionId);
            if (knownSubscriptions.ready() && known.isPresent() && known.get().deleted() == deleted
                    && java.util.Objects.equals(known.get().expiresAt(), expiresAt == null ? null
                    : expiresAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the gateway did not learn subscription " + subscriptionId + " in time");
    }

    /** A live subscription of the tenant's company's {@code entitySet}, expiring in three days. */
    protected String liveSubscription(String tenantId, String bcCompany, String entitySet) {
        String id = UUID.randomUUID().toString().replace("-", "");
        subscriptionKnown(tenantId, id, "api/v2.0/companies(" + bcCompany + ")/" + entitySet,
                Instant.now().plus(Duration.ofDays(3)), false);
        return id;
    }

    @AfterEach
    void disconnect() {
        procoreTopic.close();
        bcTopic.close();
    }

    public static String mongoUri() {
        InetSocketAddress address = MONGO.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** A reactive-driver client on the test store (the gateway's own driver); tests block on it on their own thread. */
    protected static MongoClient mongoClient() {
        return MongoClients.create(mongoUri());
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }
}
