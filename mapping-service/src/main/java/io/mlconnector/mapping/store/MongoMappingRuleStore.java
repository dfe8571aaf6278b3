package io.mlconnector.mapping.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleRepository;
import io.mlconnector.mapping.rules.MappingRuleSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Collection {@code mapping_rules}: ONE document per tenant holding the whole rule set and a version.
 *
 * <p>Why one document: a CSV import replaces hundreds of rules and must be all-or-nothing, and MongoDB
 * without a replica set (and mongo-java-server) has no multi-document transactions. A single document
 * replace is atomic everywhere. Single-rule edits are read-modify-write with the version as compare-and-set,
 * retried on conflict. 16 MB holds tens of thousands of rules, far beyond a contractor's cost code list.
 * Reactive driver: every method returns a Mono and nothing blocks.
 */
public final class MongoMappingRuleStore implements MappingRuleRepository {
    public static final String COLLECTION = "mapping_rules";
    private static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoMappingRuleStore(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The tenant's rule set; the empty set (version 0) when it has none. */
    @Override
    public Mono<MappingRuleSet> ruleSet(String tenantId) {
        return Mono.from(collection.find(eq("_id", tenantId)).first())
                .map(doc -> new MappingRuleSet(doc.get("version", Number.class).longValue(),
                        doc.getList("rules", Document.class, List.of()).stream()
                                .map(MongoMappingRuleStore::readRule).toList()))
                .defaultIfEmpty(MappingRuleSet.empty());
    }

    /** Replace the tenant's whole rule set atomically; emits the new set. Rules must already be valid. */
    public Mono<MappingRuleSet> replaceAll(String tenantId, List<MappingRule> rules) {
        return update(tenantId, current -> new MappingRuleSet(current.version(), rules));
    }

    /** Seed only when the tenant has no rules at all (start-up loader); false when it already had some. */
    public Mono<Boolean> insertIfAbsent(String tenantId, List<MappingRule> rules) {
        return Mono.defer(() -> {
            new MappingRuleSet(0, rules); // validates
            return Mono.from(collection.insertOne(document(tenantId, 1, rules))).thenReturn(true)
                    .onErrorResume(MongoMappingRuleStore::duplicateKey, e -> Mono.just(false));
        });
    }

    /**
     * Apply a change to the current set with optimistic concurrency: the write succeeds only if nobody
     * changed the set since it was read; on a conflict the change is applied again to what is stored then.
     */
    public Mono<MappingRuleSet> update(String tenantId, UnaryOperator<MappingRuleSet> change) {
        return attempt(tenantId, change, 0);
    }

    private Mono<MappingRuleSet> attempt(String tenantId, UnaryOperator<MappingRuleSet> change, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return Mono.error(new IllegalStateException("Mapping rules of tenant " + tenantId
                    + " kept changing; try again"));
        }
        return ruleSet(tenantId).flatMap(current -> {
            MappingRuleSet changed = change.apply(current);
            long next = current.version() + 1;
            Document doc = document(tenantId, next, changed.rules());
            MappingRuleSet saved = new MappingRuleSet(next, changed.rules());
            Mono<Boolean> written = current.version() == 0
                    ? Mono.from(collection.insertOne(doc)).thenReturn(true)
                    : Mono.from(collection.replaceOne(and(eq("_id", tenantId), eq("version", current.version())), doc))
                            .map(result -> result.getModifiedCount() == 1);
            return written.onErrorResume(MongoMappingRuleStore::duplicateKey, e -> Mono.just(false))
                    .flatMap(won -> won ? Mono.just(saved) : attempt(tenantId, change, attempt + 1));
        });
    }

    private static boolean duplicateKey(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private Document document(String tenantId, long version, List<MappingRule> rules) {
        return new Document("_id", tenantId)
                .append("version", version)
                .append("updatedAt", Date.from(clock.instant()))
                .append("rules", rules.stream().map(MongoMappingRuleStore::ruleDocument).toList());
    }

    private static Document ruleDocument(MappingRule rule) {
        return new Document("project", rule.projectNumber())
                .append("costCode", rule.costCode())
                .append("costType", rule.costType())
                .append("glAccount", rule.glAccount())
                .append("dimensions", rule.dimensions().stream()
                        .map(d -> new Document("code", d.dimensionCode()).append("value", d.value()))
                        .toList());
    }

    private static MappingRule readRule(Document doc) {
        List<DimensionTemplate> dimensions = new ArrayList<>();
        for (Document d : doc.getList("dimensions", Document.class, List.of())) {
            dimensions.add(new DimensionTemplate(d.getString("code"), d.getString("value")));
        }
        return new MappingRule(doc.getString("project"), doc.getString("costCode"), doc.getString("costType"),
                doc.getString("glAccount"), dimensions);
    }
}
