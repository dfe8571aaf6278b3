package io.mlconnector.mapping.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.mapping.admin.RulesRejectedException;
import io.mlconnector.mapping.csv.CsvRowException;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MongoHarness;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bad row rejects the whole import and the stored rules do not change. */
class CsvImportIsAllOrNothingTest {
    private static final String HEADER = "project,cost_code,cost_type,gl_account,dimensions\n";
    private final MongoHarness h = new MongoHarness().seeded();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void goodImportReplacesTheRuleSet() {
        var change = h.admin.importCsv(HarborRidge.TENANT, HEADER + ",,L,5110,\n,,M,5120,\n2024-001,03-300,,5130,PHASE=\n").block();
        MappingRuleSet stored = h.rules.ruleSet(HarborRidge.TENANT).block();
        assertThat(stored.rules()).hasSize(3);
        assertThat(stored.version()).isEqualTo(change.version()).isEqualTo(2);
    }

    @Test
    void formatErrorRejectsAndChangesNothing() {
        MappingRuleSet before = h.rules.ruleSet(HarborRidge.TENANT).block();
        assertThatThrownBy(() -> h.admin.importCsv(HarborRidge.TENANT, HEADER + ",,L,5110,\n,,,5120,\n").block())
                .isInstanceOfSatisfying(CsvRowException.class, e -> assertThat(e.row()).isEqualTo(3));
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().rules()).isEqualTo(before.rules());
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().version()).isEqualTo(before.version());
    }

    @Test
    void rowWithAnAccountBcRefusesRejectsTheImportWithRowAndReason() {
        MappingRuleSet before = h.rules.ruleSet(HarborRidge.TENANT).block();
        assertThatThrownBy(() -> h.admin.importCsv(HarborRidge.TENANT,
                HEADER + ",,L,5110,\n,,M,5120,\n,04-200,M,5190,\n,01-100,,2110,\n,02-200,,5100,PHASE=X\n").block())
                .isInstanceOfSatisfying(RulesRejectedException.class, e -> {
                    assertThat(e.rejections()).extracting(r -> r.row()).containsExactly(4, 5, 6);
                    assertThat(e.rejections().get(0).reasons()).singleElement().asString().contains("5190", "blocked");
                    assertThat(e.rejections().get(1).reasons()).singleElement().asString().contains("direct posting");
                    assertThat(e.rejections().get(2).reasons()).hasSize(3); // heading, not direct, unknown dimension
                });
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().version()).isEqualTo(before.version());
    }

    @Test
    void singleRuleEditsAreVersioned() {
        h.admin.putRule(HarborRidge.TENANT, MappingRule.codeAndType("04-200", "M", "5120")).block();
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().resolve("2024-001", "04-200", "M")).get()
                .extracting(MappingRule::glAccount).isEqualTo("5120");
        assertThat(h.admin.deleteRule(HarborRidge.TENANT, null, "04-200", "m").blockOptional()).isPresent();
        assertThat(h.admin.deleteRule(HarborRidge.TENANT, null, "04-200", "M").blockOptional()).isEmpty();
        MappingRuleSet after = h.rules.ruleSet(HarborRidge.TENANT).block();
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.resolve("2024-001", "04-200", "M")).get().extracting(MappingRule::glAccount).isEqualTo("5120");
    }

    @Test
    void seedingOnlyFillsAnEmptyTenant() {
        assertThat(h.rules.insertIfAbsent(HarborRidge.TENANT, List.of(MappingRule.typeDefault("L", "5110"))).block()).isFalse();
        assertThat(h.rules.insertIfAbsent("new-gc", List.of(MappingRule.typeDefault("L", "5110"))).block()).isTrue();
        assertThat(h.rules.ruleSet("new-gc").block().rules()).hasSize(1);
    }
}
