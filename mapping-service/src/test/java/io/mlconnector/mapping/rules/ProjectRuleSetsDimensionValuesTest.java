package io.mlconnector.mapping.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A project rule (project only, no cost code, cost type or account) sets that project's dimension values under
 * the line rule; before, a project rule had to name a cost code, so a free-text Procore project number could
 * never be given its BC value.
 */
class ProjectRuleSetsDimensionValuesTest {
    private static final DimensionCodes CODES = new DimensionCodes("PROJECT", "COSTCODE", "COSTTYPE");
    private static final String PHASE_B = "24-017 / Phase B";

    private final MappingRuleSet rules = new MappingRuleSet(1, List.of(
            MappingRule.typeDefault("S", "5130"),
            new MappingRule(PHASE_B, null, null, null, List.of(
                    new DimensionTemplate("PROJECT", "24-017-B"), new DimensionTemplate("PHASE", "B"))),
            // roll-up: two Procore cost codes onto one BC COSTCODE value
            new MappingRule(null, "03-310", "S", "5130", List.of(new DimensionTemplate("COSTCODE", "03-300"))),
            new MappingRule(null, "03-320", "S", "5130", List.of(new DimensionTemplate("COSTCODE", "03-300"))),
            // a project + cost code rule is more specific than the project rule
            new MappingRule(PHASE_B, "01-100", null, "5150", List.of(new DimensionTemplate("PHASE", "GC")))));

    private List<String> rendered(String project, String costCode, String costType) {
        Optional<MappingRule> lineRule = rules.resolve(project, costCode, costType);
        return rules.lineDimensions(project, lineRule, CODES).stream()
                .map(t -> t.dimensionCode() + "=" + t.render(project, costCode, costType))
                .toList();
    }

    @Test
    void projectRuleIsAShapeOfItsOwnAndNeverALineMatch() {
        MappingRule projectRule = rules.projectRule("24-017 / PHASE B").orElseThrow();
        assertThat(projectRule.level()).isEqualTo(RuleLevel.PROJECT);
        assertThat(projectRule.describe()).isEqualTo("project 24-017 / Phase B (every line)");
        assertThat(rules.resolve(PHASE_B, "05-100", "S")).get().extracting(MappingRule::level)
                .isEqualTo(RuleLevel.COST_TYPE_DEFAULT);
        assertThat(rules.projectRule("2024-001")).isEmpty();
    }

    @Test
    void projectRuleSetsTheValuesOfEveryLineOfItsProject() {
        assertThat(rendered(PHASE_B, "05-100", "S"))
                .containsExactlyInAnyOrder("PROJECT=24-017-B", "COSTCODE=05-100", "COSTTYPE=S", "PHASE=B");
        assertThat(rules.projectDimensions(PHASE_B, CODES)).extracting(DimensionTemplate::toString)
                .containsExactly("PROJECT=24-017-B", "PHASE=B");
        // other projects keep the Procore project number
        assertThat(rendered("2024-001", "05-100", "S")).containsExactly("PROJECT=2024-001", "COSTCODE=05-100", "COSTTYPE=S");
        assertThat(rules.projectDimensions("2024-001", CODES)).extracting(DimensionTemplate::toString)
                .containsExactly("PROJECT={project}");
    }

    @Test
    void lineRuleIsLayeredOverTheProjectRule() {
        assertThat(rendered(PHASE_B, "01-100", "S"))
                .containsExactlyInAnyOrder("PROJECT=24-017-B", "COSTCODE=01-100", "COSTTYPE=S", "PHASE=GC");
    }

    @Test
    void costCodeRollUpsKeepWorkingInsideAMappedProject() {
        assertThat(rendered(PHASE_B, "03-310", "S")).contains("COSTCODE=03-300", "PROJECT=24-017-B");
        assertThat(rendered(PHASE_B, "03-320", "S")).contains("COSTCODE=03-300");
        assertThat(rendered("2024-001", "03-320", "S")).contains("COSTCODE=03-300", "PROJECT=2024-001");
    }

    @Test
    void projectRulesThatCannotWorkAreRefusedWithAReason() {
        assertThat(new MappingRule(PHASE_B, null, null, "5130", List.of(new DimensionTemplate("PROJECT", "X")))
                .shapeProblem()).get().asString().contains("leave gl_account blank");
        assertThat(new MappingRule(PHASE_B, null, null, null, List.of()).shapeProblem())
                .get().asString().contains("at least one dimension");
        assertThat(new MappingRule(PHASE_B, null, null, null, List.of(new DimensionTemplate("COSTCODE", "{cost_code}")))
                .shapeProblem()).get().asString().contains("may only use the placeholder {project}");
        assertThat(new MappingRule(PHASE_B, null, "M", "5120", List.of()).shapeProblem())
                .get().asString().contains("project-wide cost type defaults are not supported");
        assertThat(new MappingRule(PHASE_B, null, null, null, List.of(new DimensionTemplate("PROJECT", "24-017-B"))))
                .satisfies(rule -> assertThat(rule.shapeProblem()).isEmpty());
    }
}
