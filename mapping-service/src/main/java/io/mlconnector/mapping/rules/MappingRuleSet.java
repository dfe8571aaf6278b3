package io.mlconnector.mapping.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's mapping rules, indexed for lookup. Matching on project number, cost code and cost type
 * is case-insensitive (BC uppercases codes; Procore keeps what people typed).
 */
public final class MappingRuleSet {
    private final long version;
    private final List<MappingRule> rules;
    private final Map<String, MappingRule> byKey;

    public MappingRuleSet(long version, List<MappingRule> rules) {
        this.version = version;
        Map<String, MappingRule> index = new LinkedHashMap<>();
        for (MappingRule rule : rules) {
            rule.shapeProblem().ifPresent(problem -> {
                throw new IllegalArgumentException("Rule " + rule.describe() + ": " + problem);
            });
            if (index.putIfAbsent(rule.key(), rule) != null) {
                throw new IllegalArgumentException("Rule " + rule.describe() + " is defined twice");
            }
        }
        this.byKey = Collections.unmodifiableMap(index);
        List<MappingRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing((MappingRule r) -> r.level().rank())
                .thenComparing(r -> nullsFirst(r.projectNumber()))
                .thenComparing(r -> nullsFirst(r.costCode()))
                .thenComparing(r -> nullsFirst(r.costType())));
        this.rules = List.copyOf(sorted);
    }

    public static MappingRuleSet empty() {
        return new MappingRuleSet(0, List.of());
    }

    public long version() {
        return version;
    }

    public List<MappingRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The most specific rule for a line: project+code+type, project+code, code+type, code, type default.
     * An "unmapped" marker rule is returned too (it is the answer: no account).
     */
    public Optional<MappingRule> resolve(String projectNumber, String costCode, String costType) {
        List<String> candidates = new ArrayList<>(5);
        if (projectNumber != null && costCode != null) {
            if (costType != null) candidates.add(MappingRule.key(projectNumber, costCode, costType));
            candidates.add(MappingRule.key(projectNumber, costCode, null));
        }
        if (costCode != null) {
            if (costType != null) candidates.add(MappingRule.key(null, costCode, costType));
            candidates.add(MappingRule.key(null, costCode, null));
        }
        if (costType != null) {
            candidates.add(MappingRule.key(null, null, costType));
        }
        return candidates.stream().map(byKey::get).filter(rule -> rule != null).findFirst();
    }

    private static String nullsFirst(String value) {
        return value == null ? "" : value;
    }
}
