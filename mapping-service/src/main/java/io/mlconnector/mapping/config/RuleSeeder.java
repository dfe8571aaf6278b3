package io.mlconnector.mapping.config;

import io.mlconnector.mapping.csv.CsvRule;
import io.mlconnector.mapping.csv.MappingRulesCsv;
import io.mlconnector.mapping.store.MongoMappingRuleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seeds a tenant's rules from a CSV file at start, only when the tenant has no rules yet (a person's edits are
 * never overwritten by a restart). Seeding does not validate against BC, which may not be reachable at start;
 * bad accounts show up as parked documents with their reasons.
 */
public final class RuleSeeder {
    private static final Logger log = LoggerFactory.getLogger(RuleSeeder.class);

    private final MongoMappingRuleStore rules;

    public RuleSeeder(MongoMappingRuleStore rules) {
        this.rules = rules;
    }

    /** Seeds every tenant in turn; completes when all are done. */
    public Mono<Void> seed(Map<String, String> filesByTenant) {
        return Flux.fromIterable(filesByTenant.entrySet())
                .concatMap(seed -> seed(seed.getKey(), Path.of(seed.getValue())))
                .then();
    }

    /**
     * Seeds one tenant; emits whether it did. The file is read when this Mono is subscribed (on the subscribing
     * thread, so no file read runs on a MongoDB driver thread) but a missing file only matters when the tenant has no
     * rules yet.
     */
    public Mono<Boolean> seed(String tenantId, Path file) {
        return Mono.fromCallable(() -> read(file)).flatMap(csv -> rules.ruleSet(tenantId).flatMap(current -> {
            if (!current.isEmpty()) {
                return Mono.just(false);
            }
            if (csv.failure() != null) {
                return Mono.error(new UncheckedIOException("Cannot read mapping seed " + file, csv.failure()));
            }
            var parsed = MappingRulesCsv.parse(csv.text());
            return rules.insertIfAbsent(tenantId, parsed.stream().map(CsvRule::rule).toList())
                    .doOnNext(inserted -> {
                        if (inserted) {
                            log.info("Seeded {} mapping rules for tenant {} from {}", parsed.size(), tenantId, file);
                        }
                    });
        }));
    }

    private record SeedFile(String text, IOException failure) {
    }

    private static SeedFile read(Path file) {
        try {
            return new SeedFile(Files.readString(file, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new SeedFile(null, e);
        }
    }
}
