package io.mlconnector.mapping.core;

import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.mapping.rules.DimensionCodes;
import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleSet;
import io.mlconnector.mapping.validation.Problem;
import io.mlconnector.mapping.validation.ReferenceValidator;
import io.mlconnector.mapping.validation.ReferenceValidator.DimensionCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dimension values of one document's lines after every rule layer (tenant defaults, project rule, line
 * rule), each checked against BC: what is validated is exactly what the line will carry. Values every line of
 * the project carries (the project dimension and whatever the project rule sets) are checked once for the
 * document, so a missing project value is one problem, not one per line.
 */
final class LineDimensions {
    private final ReferenceValidator validator;
    private final String tenantId;
    private final MappingRuleSet ruleSet;
    private final DimensionCodes codes;
    private final String projectNumber;
    /** rendered project-level value -> its BC spelling, or empty when BC does not have it */
    private final Map<DimensionAssignment, Optional<DimensionAssignment>> projectValues = new LinkedHashMap<>();

    LineDimensions(ReferenceValidator validator, String tenantId, MappingRuleSet ruleSet, DimensionCodes codes,
                   String projectNumber) {
        this.validator = validator;
        this.tenantId = tenantId;
        this.ruleSet = ruleSet;
        this.codes = codes;
        this.projectNumber = projectNumber;
    }

    /** The values every line of the project carries, in BC's spelling; problems go to the document. */
    List<DimensionAssignment> projectDimensions(Set<Problem> problems) {
        if (projectNumber == null) {
            return List.of();
        }
        boolean ruleGivesProject = ruleSet.projectRule(projectNumber)
                .map(rule -> rule.dimensions().stream().anyMatch(d -> d.dimensionCode().equals(codes.project())))
                .orElse(false);
        List<DimensionAssignment> canonical = new ArrayList<>();
        for (DimensionTemplate template : ruleSet.projectDimensions(projectNumber, codes)) {
            String value = template.render(projectNumber, null, null);
            if (value == null) {
                continue;
            }
            DimensionAssignment rendered = new DimensionAssignment(template.dimensionCode(), value);
            DimensionCheck check = validator.checkProjectDimension(tenantId, projectNumber, rendered, codes.project(),
                    ruleGivesProject);
            problems.addAll(check.problems());
            Optional<DimensionAssignment> found = check.dimensions().stream().findFirst();
            projectValues.put(rendered, found);
            found.ifPresent(canonical::add);
        }
        return canonical;
    }

    /**
     * The values of one line, in BC's spelling. Call {@link #projectDimensions} first: a line value equal to a
     * project-level one reuses its check.
     */
    List<DimensionAssignment> lineDimensions(Optional<MappingRule> lineRule, String costCode, String costType,
                                             String label, String lineId, Set<Problem> problems) {
        List<DimensionAssignment> dimensions = new ArrayList<>();
        for (DimensionTemplate template : ruleSet.lineDimensions(projectNumber, lineRule, codes)) {
            String value = template.render(projectNumber, costCode, costType);
            if (value == null) {
                continue;
            }
            DimensionAssignment rendered = new DimensionAssignment(template.dimensionCode(), value);
            Optional<DimensionAssignment> projectLevel = projectValues.get(rendered);
            if (projectLevel != null) {
                // checked once for the document: one problem, not one per line
                projectLevel.ifPresent(dimensions::add);
                continue;
            }
            DimensionCheck check = validator.checkDimensions(tenantId, List.of(rendered), label, lineId);
            problems.addAll(check.problems());
            dimensions.addAll(check.dimensions());
        }
        return dimensions;
    }
}
