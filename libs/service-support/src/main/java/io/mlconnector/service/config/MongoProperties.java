package io.mlconnector.service.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.mongodb.*}. Timeouts are short on purpose: a webhook must be answered within 5 s, so a store that
 * cannot be reached has to fail fast (answered 503, retried by the sender) rather than hang. Options in the URI
 * ({@code serverSelectionTimeoutMS=...}, {@code w=...}, {@code journal=...}) win over these defaults.
 *
 * <p>Write concern: a service commits a Kafka offset only after the store acknowledged the writes that record caused,
 * so an acknowledged write must survive a crash of the primary, or the record is never processed again. The default
 * is therefore {@code w: "majority"} with {@code j: true} (acknowledged once a majority of the replica set has it in
 * its journal; https://www.mongodb.com/docs/manual/reference/write-concern/), bounded by {@code writeTimeout}.
 *
 * @param writeConcern {@code majority} (default), or a number of members
 * @param journal      wait for the on-disk journal (default true)
 * @param writeTimeout how long a write waits for the majority before it fails (and is retried)
 */
@ConfigurationProperties("mlc.mongodb")
public record MongoProperties(
        @DefaultValue("mongodb://127.0.0.1:27017") String uri,
        @DefaultValue("ml-connector") String database,
        @DefaultValue("2s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("majority") String writeConcern,
        @DefaultValue("true") boolean journal,
        @DefaultValue("5s") Duration writeTimeout) {
}
