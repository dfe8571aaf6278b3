package io.mlconnector.gateway;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.events.BcNotification;
import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.schemas.Topics;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = WebhookGatewayApplication.CONFIG)
@EmbeddedKafka(partitions = 2, topics = {Topics.PROCORE_WEBHOOK_EVENTS, Topics.BC_WEBHOOK_EVENTS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class GatewayIntegrationTest {

    public static final String REGISTRY_URL = "inprocess://gateway-test";
    public static final String DEDUPE_COLLECTION = "procore_webhook_deliveries";

    /** One MongoDB-wire server for every test context in this JVM. */
    protected static final MongoServer MONGO = startMongo();

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

    @AfterEach
    void disconnect() {
        procoreTopic.close();
        bcTopic.close();
    }

    public static String mongoUri() {
        InetSocketAddress address = MONGO.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

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
