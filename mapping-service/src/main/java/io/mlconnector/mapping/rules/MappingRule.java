package io.mlconnector.mapping.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the reference mapping: (project?, cost code?, cost type?) -> G/L account + dimension template.
 *
 * <p>Allowed shapes, most specific first: project+code+type, project+code, code+type, code, type.
 * A blank {@code glAccount} marks the cost code as deliberately unmapped (e.g. an owner allowance that must
 * never post by default): lines that land on it park with COST_CODE_NOT_MAPPED instead of falling back to the
 * cost type default. {@code dimensions} are merged over the tenant's default template by dimension code.
 */
public record MappingRule(
        String projectNumber,
        String costCode,
        String costType,
        String glAccount,
        List<DimensionTemplate> dimensions) {

    public MappingRule {
        projectNumber = blankToNull(projectNumber);
        costCode = blankToNull(costCode);
        costType = blankToNull(costType);
        costType = costType == null ? null : costType.toUpperCase(Locale.ROOT);
        glAccount = blankToNull(glAccount);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    public static MappingRule typeDefault(String costType, String glAccount) {
        return new MappingRule(null, null, costType, glAccount, List.of());
    }

    public static MappingRule codeAndType(String costCode, String costType, String glAccount) {
        return new MappingRule(null, costCode, costType, glAccount, List.of());
    }

    public boolean unmapped() {
        return glAccount == null;
    }

    /** Why this rule cannot be used, or empty when its shape is one of the five allowed. */
    public Optional<String> shapeProblem() {
        if (projectNumber != null && costCode == null) {
            return Optional.of("a project override must name a cost code (project-wide cost type defaults are not supported)");
        }
        if (costCode == null && costType == null) {
            return Optional.of("a rule needs a cost code, a cost type, or both");
        }
        if (costCode == null && glAccount == null) {
            return Optional.of("a cost type default needs a G/L account");
        }
        Set<String> seen = new HashSet<>();
        for (DimensionTemplate template : dimensions) {
            if (!seen.add(template.dimensionCode())) {
                return Optional.of("dimension " + template.dimensionCode() + " is listed twice");
            }
            if (!template.usesOnlyKnownPlaceholders()) {
                return Optional.of("dimension " + template + " uses an unknown placeholder (known: {project}, {cost_code}, {cost_type})");
            }
        }
        return Optional.empty();
    }

    public RuleLevel level() {
        shapeProblem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        if (projectNumber != null) {
            return costType != null ? RuleLevel.PROJECT_COST_CODE_AND_TYPE : RuleLevel.PROJECT_COST_CODE;
        }
        if (costCode != null) {
            return costType != null ? RuleLevel.COST_CODE_AND_TYPE : RuleLevel.COST_CODE;
        }
        return RuleLevel.COST_TYPE_DEFAULT;
    }

    /** Identity of the rule: two rules with the same key cannot live in one rule set. */
    public String key() {
        return key(projectNumber, costCode, costType);
    }

    static String key(String projectNumber, String costCode, String costType) {
        return lower(projectNumber) + "|" + lower(costCode) + "|" + lower(costType);
    }

    /** Dimension templates for a line: the tenant defaults with this rule's entries merged over them. */
    public List<DimensionTemplate> effectiveDimensions(DimensionCodes codes) {
        List<DimensionTemplate> merged = new ArrayList<>(codes.defaultTemplate());
        for (DimensionTemplate override : dimensions) {
            merged.removeIf(existing -> existing.dimensionCode().equals(override.dimensionCode()));
            if (!override.removes()) {
                merged.add(override);
            }
        }
        return merged;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        if (projectNumber != null) text.append("project ").append(projectNumber).append(", ");
        if (costCode != null) text.append("cost code ").append(costCode).append(", ");
        text.append(costType != null ? "cost type " + costType : "any cost type");
        return text.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
