package io.mlconnector.mapping.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.mapping.rules.MappingRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingRulesCsvTest {

    @Test
    void demoMappingFileParses() throws Exception {
        Path file = Path.of("../demo-data/mapping/harbor-ridge.csv");
        List<CsvRule> rules = MappingRulesCsv.parse(Files.readString(file));
        assertThat(rules).hasSize(8);
        assertThat(rules).extracting(r -> r.rule().describe() + "->" + r.rule().glAccount())
                .contains("cost code 99-900, any cost type->null",
                        "cost code 04-200, cost type M->5190", "cost type L->5110");
    }

    @Test
    void quotedFieldsDimensionsAndRoundTrip() {
        String csv = """
                project,cost_code,cost_type,gl_account,dimensions
                "2024-001","03-300",m,5130,"PHASE=FOUNDATION;COSTTYPE="
                ,,L,5110
                """;
        List<MappingRule> rules = MappingRulesCsv.parse(csv).stream().map(CsvRule::rule).toList();
        assertThat(rules.get(0).costType()).isEqualTo("M");
        assertThat(rules.get(0).dimensions()).extracting(Object::toString).containsExactly("PHASE=FOUNDATION", "COSTTYPE=");
        String exported = MappingRulesCsv.format(rules);
        assertThat(MappingRulesCsv.parse(exported).stream().map(CsvRule::rule).toList()).isEqualTo(rules);
    }

    @Test
    void projectRuleRowCarriesTheProjectsDimensionValuesAndRoundTrips() {
        String csv = """
                project,cost_code,cost_type,gl_account,dimensions
                24-017 / Phase B,,,,PROJECT=24-017-B;PHASE=B
                "Smith, Annex",,,,PROJECT=SMITH-ANNEX
                """;
        List<MappingRule> rules = MappingRulesCsv.parse(csv).stream().map(CsvRule::rule).toList();
        assertThat(rules).allMatch(MappingRule::isProjectRule);
        assertThat(rules.get(0).projectNumber()).isEqualTo("24-017 / Phase B");
        assertThat(rules.get(0).dimensions()).extracting(Object::toString).containsExactly("PROJECT=24-017-B", "PHASE=B");
        assertThat(rules.get(1).projectNumber()).isEqualTo("Smith, Annex");
        String exported = MappingRulesCsv.format(rules);
        assertThat(exported).contains("24-017 / Phase B,,,,PROJECT=24-017-B;PHASE=B\n", "\"Smith, Annex\",,,,");
        assertThat(MappingRulesCsv.parse(exported).stream().map(CsvRule::rule).toList()).isEqualTo(rules);
    }

    @Test
    void projectRuleRowWithAnAccountOrWithoutDimensionsIsRefused() {
        String header = "project,cost_code,cost_type,gl_account,dimensions\n";
        assertThatThrownBy(() -> MappingRulesCsv.parse(header + "24-017,,,5130,PROJECT=24-017\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> {
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.reason()).contains("leave gl_account blank");
                });
        assertThatThrownBy(() -> MappingRulesCsv.parse(header + "24-017,,,,\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> assertThat(e.reason()).contains("at least one dimension"));
    }

    @Test
    void badRowsNameTheirRowNumberCountingHeaderAndComments() {
        String header = "project,cost_code,cost_type,gl_account,dimensions\n# comment\n,,L,5110,\n";
        assertThatThrownBy(() -> MappingRulesCsv.parse(header + "2024-001,,M,5120,\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> {
                    assertThat(e.row()).isEqualTo(4);
                    assertThat(e.reason()).contains("project-wide cost type defaults are not supported");
                });
        assertThatThrownBy(() -> MappingRulesCsv.parse(header + ",,l,5111,\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> assertThat(e.reason()).contains("already defined on row 3"));
        assertThatThrownBy(() -> MappingRulesCsv.parse(header + ",01-100,L,5110,PHASE\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> assertThat(e.reason()).contains("CODE=VALUE"));
        assertThatThrownBy(() -> MappingRulesCsv.parse(header + ",01-100,L\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> assertThat(e.reason()).contains("expected 5 columns"));
        assertThatThrownBy(() -> MappingRulesCsv.parse("cost_code,account\n"))
                .isInstanceOfSatisfying(CsvRowException.class, e -> assertThat(e.row()).isEqualTo(1));
    }
}
