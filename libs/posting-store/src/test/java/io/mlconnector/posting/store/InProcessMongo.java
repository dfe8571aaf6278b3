package io.mlconnector.posting.store;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * mongo-java-server on loopback, reached through the real (reactive) MongoDB driver; a fresh database per test.
 * Tests wait for results with {@code block()} on their own thread, never on an event loop.
 */
abstract class InProcessMongo {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    static MongoDatabase freshDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }

    static long count(MongoDatabase database, String collection) {
        return Mono.from(database.getCollection(collection).countDocuments()).block();
    }

    static List<Document> all(MongoDatabase database, String collection) {
        return Flux.from(database.getCollection(collection).find()).collectList().block();
    }

    static List<Document> indexes(MongoDatabase database, String collection) {
        return Flux.from(database.getCollection(collection).listIndexes()).collectList().block();
    }
}
