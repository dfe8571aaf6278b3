package io.mlconnector.service.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB client every service needs, from {@code mlc.mongodb.uri} / {@code mlc.mongodb.database}, with a
 * majority, journaled write concern unless configured otherwise ({@link MongoProperties}). Reactive only
 * (mongodb-driver-reactivestreams): stores return Mono / Flux and never block an event-loop thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoProperties.class)
public class MongoClientConfiguration {

    @Bean(destroyMethod = "close")
    public MongoClient reactiveMongoClient(MongoProperties properties) {
        return MongoClients.create(settings(properties));
    }

    @Bean
    public MongoDatabase reactiveMongoDatabase(MongoClient reactiveMongoClient, MongoProperties properties) {
        return reactiveMongoClient.getDatabase(properties.database());
    }

    /** Timeouts and write concern from {@link MongoProperties}; options written in the URI win. */
    static MongoClientSettings settings(MongoProperties properties) {
        return MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .writeConcern(writeConcern(properties))
                // applied last, so options written in the URI override the defaults above
                .applyConnectionString(new ConnectionString(properties.uri()))
                .build();
    }

    /** {@code mlc.mongodb.write-concern} / {@code journal} / {@code write-timeout}: majority and journaled by default. */
    static WriteConcern writeConcern(MongoProperties properties) {
        String w = properties.writeConcern().trim();
        WriteConcern base = w.chars().allMatch(Character::isDigit) && !w.isEmpty()
                ? new WriteConcern(Integer.parseInt(w)) : new WriteConcern(w);
        return base.withJournal(properties.journal())
                .withWTimeout(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
