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

    public void seed(Map<String, String> filesByTenant) {
        filesByTenant.forEach((tenant, file) -> seed(tenant, Path.of(file)));
    }

    public boolean seed(String tenantId, Path file) {
        if (!rules.ruleSet(tenantId).isEmpty()) {
            return false;
        }
        try {
            var parsed = MappingRulesCsv.parse(Files.readString(file, StandardCharsets.UTF_8));
            boolean inserted = rules.insertIfAbsent(tenantId, parsed.stream().map(CsvRule::rule).toList());
            if (inserted) {
                log.info("Seeded {} mapping rules for tenant {} from {}", parsed.size(), tenantId, file);
            }
            return inserted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mapping seed " + file, e);
        }
    }
}
