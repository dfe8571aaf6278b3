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
     * The most specific line rule: project+code+type, project+code, code+type, code, type default (never a
     * project rule). An "unmapped" marker rule is returned too (it is the answer: no account).
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

    /** The project rule (project only, no cost code or type) for a Procore project number, if any. */
    public Optional<MappingRule> projectRule(String projectNumber) {
        return projectNumber == null ? Optional.empty()
                : Optional.ofNullable(byKey.get(MappingRule.key(projectNumber, null, null)));
    }

    /**
     * The dimension templates every line of the project carries whatever its cost code: the tenant's project
     * dimension ({@code PROJECT={project}}) with the project rule merged over it.
     */
    public List<DimensionTemplate> projectDimensions(String projectNumber, DimensionCodes codes) {
        List<DimensionTemplate> base = List.of(new DimensionTemplate(codes.project(), DimensionTemplate.PROJECT));
        return projectRule(projectNumber).map(rule -> DimensionTemplate.merge(base, rule.dimensions())).orElse(base);
    }

    /**
     * The dimension templates of one line, in layers, each merged over the one before by dimension code: the
     * tenant defaults ({@code PROJECT={project}}, {@code COSTCODE={cost_code}}, {@code COSTTYPE={cost_type}}),
     * then the project rule, then the line rule that matched (the most specific one, which may roll several cost
     * codes up onto one value).
     */
    public List<DimensionTemplate> lineDimensions(String projectNumber, Optional<MappingRule> lineRule,
                                                  DimensionCodes codes) {
        List<DimensionTemplate> layered = codes.defaultTemplate();
        Optional<MappingRule> project = projectRule(projectNumber);
        if (project.isPresent()) {
            layered = DimensionTemplate.merge(layered, project.get().dimensions());
        }
        if (lineRule.isPresent()) {
            layered = DimensionTemplate.merge(layered, lineRule.get().dimensions());
        }
        return layered;
    }

    private static String nullsFirst(String value) {
        return value == null ? "" : value;
    }
}
