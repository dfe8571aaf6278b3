package io.mlconnector.service.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.mongodb.*}. Timeouts are short on purpose: a webhook must be answered within 5 s, so a store that
 * cannot be reached has to fail fast (answered 503, retried by the sender) rather than hang. Options in the URI
 * ({@code serverSelectionTimeoutMS=...}) win over these defaults.
 */
@ConfigurationProperties("mlc.mongodb")
public record MongoProperties(
        @DefaultValue("mongodb://127.0.0.1:27017") String uri,
        @DefaultValue("ml-connector") String database,
        @DefaultValue("2s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout) {
}
