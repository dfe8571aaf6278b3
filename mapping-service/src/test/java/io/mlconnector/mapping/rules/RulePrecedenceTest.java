package io.mlconnector.mapping.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Most specific wins: project+code+type > project+code > code+type > code > type default. */
class RulePrecedenceTest {
    private final MappingRuleSet rules = new MappingRuleSet(3, List.of(
            MappingRule.typeDefault("M", "5120"),
            new MappingRule(null, "03-300", null, "5150", List.of()),
            MappingRule.codeAndType("03-300", "M", "5130"),
            new MappingRule("2024-001", "03-300", null, "5140", List.of()),
            new MappingRule("2024-001", "03-300", "M", "5160", List.of()),
            new MappingRule(null, "99-900", null, null, List.of())));

    private String account(String project, String code, String type) {
        return rules.resolve(project, code, type).map(MappingRule::glAccount).orElse("none");
    }

    @Test
    void eachLevelWinsOverTheLessSpecificOnes() {
        assertThat(account("2024-001", "03-300", "M")).isEqualTo("5160");
        assertThat(account("2024-001", "03-300", "L")).isEqualTo("5140");
        assertThat(account("2024-002", "03-300", "M")).isEqualTo("5130");
        assertThat(account("2024-002", "03-300", "L")).isEqualTo("5150");
        assertThat(account("2024-002", "05-100", "M")).isEqualTo("5120");
        assertThat(account("2024-002", "05-100", "L")).isEqualTo("none");
    }

    @Test
    void matchingIsCaseInsensitive() {
        assertThat(account("2024-001", "03-300", "m")).isEqualTo("5160");
        MappingRuleSet lower = new MappingRuleSet(1, List.of(new MappingRule("abc-1", "x-1", "m", "5120", List.of())));
        assertThat(lower.resolve("ABC-1", "X-1", "M")).isPresent();
    }

    @Test
    void unmappedMarkerStopsTheFallbackToTheCostTypeDefault() {
        assertThat(rules.resolve("2024-001", "99-900", "M")).get().satisfies(rule -> {
            assertThat(rule.unmapped()).isTrue();
            assertThat(rule.level()).isEqualTo(RuleLevel.COST_CODE);
        });
    }

    @Test
    void levelsAreNamed() {
        assertThat(rules.rules()).extracting(MappingRule::level).containsExactly(RuleLevel.COST_TYPE_DEFAULT,
                RuleLevel.COST_CODE, RuleLevel.COST_CODE, RuleLevel.COST_CODE_AND_TYPE, RuleLevel.PROJECT_COST_CODE,
                RuleLevel.PROJECT_COST_CODE_AND_TYPE);
    }

    @Test
    void shapesOutsideTheFiveLevelsAndDuplicatesAreRefused() {
        assertThat(new MappingRule("2024-001", null, "M", "5120", List.of()).shapeProblem()).isPresent();
        assertThat(new MappingRule(null, null, null, "5120", List.of()).shapeProblem()).isPresent();
        assertThat(new MappingRule(null, null, "M", null, List.of()).shapeProblem()).isPresent();
        assertThat(new MappingRule(null, "01-100", null, "5150", List.of(new DimensionTemplate("X", "{phase}")))
                .shapeProblem()).get().asString().contains("unknown placeholder");
        assertThatThrownBy(() -> new MappingRuleSet(1, List.of(MappingRule.typeDefault("M", "5120"),
                MappingRule.typeDefault("m", "5130")))).hasMessageContaining("defined twice");
    }

    @Test
    void ruleDimensionsMergeOverTheTenantDefaults() {
        MappingRule rule = new MappingRule(null, "01-100", null, "5150", List.of(
                new DimensionTemplate("costtype", ""), new DimensionTemplate("PHASE", "FIELD"),
                new DimensionTemplate("COSTCODE", "GC-{cost_code}")));
        List<DimensionTemplate> effective = rule.effectiveDimensions(new DimensionCodes("JOB", "COSTCODE", "COSTTYPE"));
        assertThat(effective).extracting(DimensionTemplate::toString)
                .containsExactly("JOB={project}", "PHASE=FIELD", "COSTCODE=GC-{cost_code}");
        assertThat(effective.get(2).render("2024-001", "01-100", "L")).isEqualTo("GC-01-100");
    }
}
