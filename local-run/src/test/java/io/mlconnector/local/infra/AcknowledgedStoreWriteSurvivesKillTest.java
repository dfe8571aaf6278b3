package io.mlconnector.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The local run's store must not lose a write it acknowledged when the process is killed: the services commit the
 * Kafka offset right after, so a lost write is never redone. The store file is copied while the store still runs —
 * exactly what a {@code kill -9} at that instant leaves on disk — and opened by a new store.
 */
class AcknowledgedStoreWriteSurvivesKillTest {

    @Test
    void everyAcknowledgedWriteIsInTheFileAtOnce(@TempDir Path dir) throws Exception {
        Path killedAt = dir.resolve("killed");
        try (EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("live"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> postings = client.getDatabase("ml-connector").getCollection("postings");
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                Mono.from(postings.insertOne(new Document("_id", "warm-up-" + i))).block();
            }
            started = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                Mono.from(postings.insertOne(new Document("_id", "K-" + i).append("state", "MAPPED"))).block();
                Mono.from(postings.updateOne(Filters.eq("_id", "K-" + i), Updates.set("state", "POSTED"))).block();
            }
            long micros = (System.nanoTime() - started) / 1000 / 400;
            System.out.println("reliability: embedded store durable write " + micros + " us per acknowledged write");
            // no close, no wait: the file as it is right after the last acknowledgement
            Files.createDirectories(killedAt);
            Files.copy(dir.resolve("live").resolve("mongo.mv"), killedAt.resolve("mongo.mv"));
        }
        try (EmbeddedMongo restarted = EmbeddedMongo.start(killedAt);
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            MongoCollection<Document> postings = client.getDatabase("ml-connector").getCollection("postings");
            assertThat(Mono.from(postings.countDocuments(Filters.regex("_id", "^K-"))).block()).isEqualTo(200);
            assertThat(Mono.from(postings.countDocuments(Filters.eq("state", "POSTED"))).block())
                    .as("no posting regressed").isEqualTo(200);
        }
    }
}
