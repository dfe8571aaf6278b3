package io.mlconnector.service.health;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness: MongoDB answers {@code ping} (bounded by the client's server-selection timeout; answers are cached).
 * DOWN means this service can record nothing, so it must not take work.
 */
public final class MongoHealthIndicator implements HealthIndicator {

    private final MongoDatabase database;
    private final CachedHealth cached;

    public MongoHealthIndicator(MongoDatabase database, Duration cacheFor, Clock clock) {
        this.database = database;
        this.cached = new CachedHealth(this::check, cacheFor, clock);
    }

    @Override
    public Health health() {
        return cached.get();
    }

    private Health check() {
        try {
            database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("reason", "MongoDB did not answer a ping (" + e.getClass().getSimpleName()
                    + "): check that it runs and that mlc.mongodb.uri points at it").build();
        }
    }
}
