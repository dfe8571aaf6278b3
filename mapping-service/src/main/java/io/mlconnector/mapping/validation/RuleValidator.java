package io.mlconnector.mapping.validation;

import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rule against BC before it is saved: its account takes direct postings, its dimension codes exist,
 * and literal dimension values exist. Placeholder values ({cost_code}...) depend on the line and are checked
 * when a document maps.
 */
public final class RuleValidator {
    private final BcReferenceData bc;
    private final ReferenceValidator references;

    public RuleValidator(BcReferenceData bc) {
        this.bc = bc;
        this.references = new ReferenceValidator(bc);
    }

    public List<Problem> check(String tenantId, MappingRule rule) {
        List<Problem> problems = new ArrayList<>();
        rule.shapeProblem().ifPresent(shape -> problems.add(Problem.document(ProblemCode.COST_CODE_NOT_MAPPED, shape)));
        if (rule.glAccount() != null) {
            problems.addAll(references.checkAccount(tenantId, rule.glAccount(), "rule for " + rule.describe(), null));
        }
        for (DimensionTemplate template : rule.dimensions()) {
            if (template.removes()) continue;
            if (template.isLiteral()) {
                problems.addAll(references.checkDimensions(tenantId,
                        List.of(new DimensionAssignment(template.dimensionCode(), template.value())),
                        "rule for " + rule.describe(), null).problems());
            } else if (bc.dimension(tenantId, template.dimensionCode()).isEmpty()) {
                problems.add(Problem.document(ProblemCode.DIMENSION_UNKNOWN, "Dimension " + template.dimensionCode()
                        + " (rule for " + rule.describe() + ") does not exist in Business Central."));
            }
        }
        return problems;
    }
}
