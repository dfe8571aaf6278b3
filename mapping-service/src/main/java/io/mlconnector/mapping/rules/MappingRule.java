package io.mlconnector.mapping.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the reference mapping: (project?, cost code?, cost type?) -> G/L account + dimension template.
 *
 * <p>Line rules, most specific first: project+code+type, project+code, code+type, code, type.
 * A blank {@code glAccount} marks the cost code as deliberately unmapped (e.g. an owner allowance that must
 * never post by default): lines that land on it park with COST_CODE_NOT_MAPPED instead of falling back to the
 * cost type default. {@code dimensions} are merged over the tenant's default template by dimension code.
 *
 * <p>A project rule (project only, no cost code, no cost type, no account) sets dimension values for every line
 * of that project, e.g. Procore project {@code 24-017 / Phase B} -> {@code PROJECT=24-017-B}: Procore project
 * numbers are free text, BC dimension value codes are not. Its values sit between the tenant defaults and the
 * line rule (see {@link MappingRuleSet#lineDimensions}).
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
        if (isProjectRule()) {
            return projectRuleProblem();
        }
        if (projectNumber != null && costCode == null) {
            return Optional.of("a project rule either names a cost code (an account for that code in that project) or"
                    + " leaves cost code, cost type and account blank (dimension values for the whole project);"
                    + " project-wide cost type defaults are not supported");
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

    /** Project only: the project's dimension values, no account. */
    public boolean isProjectRule() {
        return projectNumber != null && costCode == null && costType == null;
    }

    private Optional<String> projectRuleProblem() {
        if (glAccount != null) {
            return Optional.of("a project rule (no cost code, no cost type) sets dimension values only; leave gl_account"
                    + " blank, or name a cost code to map an account for this project");
        }
        if (dimensions.isEmpty()) {
            return Optional.of("a project rule needs at least one dimension, e.g. PROJECT=24-017-B");
        }
        Set<String> seen = new HashSet<>();
        for (DimensionTemplate template : dimensions) {
            if (!seen.add(template.dimensionCode())) {
                return Optional.of("dimension " + template.dimensionCode() + " is listed twice");
            }
            if (!template.usesOnly(DimensionTemplate.PROJECT)) {
                return Optional.of("dimension " + template + " of a project rule may only use the placeholder {project}"
                        + " (its values are the same on every line of the project)");
            }
        }
        return Optional.empty();
    }

    public RuleLevel level() {
        shapeProblem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        if (isProjectRule()) {
            return RuleLevel.PROJECT;
        }
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
        return DimensionTemplate.merge(codes.defaultTemplate(), dimensions);
    }

    public String describe() {
        if (isProjectRule()) {
            return "project " + projectNumber + " (every line)";
        }
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
