package io.mlconnector.service.health;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Readiness: MongoDB answers {@code ping} (bounded by the client's server-selection timeout; answers are cached for
 * {@code cacheFor}). DOWN means this service can record nothing, so it must not take work. Reactive: the ping goes
 * through the reactive driver, so a probe never holds a thread while MongoDB is slow or gone.
 */
public final class MongoHealthIndicator implements ReactiveHealthIndicator {

    private final MongoDatabase database;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Cached last;

    private record Cached(Health health, Instant checkedAt) {
    }

    public MongoHealthIndicator(MongoDatabase database, Duration cacheFor, Clock clock) {
        this.database = database;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Mono<Health> health() {
        return Mono.defer(() -> {
            Cached cached = last;
            if (cached != null && clock.instant().isBefore(cached.checkedAt().plus(cacheFor))) {
                return Mono.just(cached.health());
            }
            return check().doOnNext(health -> last = new Cached(health, clock.instant()));
        });
    }

    private Mono<Health> check() {
        return Mono.from(database.runCommand(new Document("ping", 1)))
                .map(pong -> Health.up().withDetail("database", database.getName()).build())
                .onErrorResume(RuntimeException.class, e -> Mono.just(Health.down().withDetail("reason",
                        "MongoDB did not answer a ping (" + e.getClass().getSimpleName()
                                + "): check that it runs and that mlc.mongodb.uri points at it").build()));
    }
}
