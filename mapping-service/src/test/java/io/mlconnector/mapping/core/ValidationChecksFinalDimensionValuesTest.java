package io.mlconnector.mapping.core;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.MappingProblem;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.SourceType;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MapperHarness;
import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Validation checks the values a line will carry after every rule, not the raw Procore values. Before, the
 * Procore project number was checked against BC whatever the mapping said, so a project whose number is not a
 * BC code parked every document with DIMENSION_VALUE_UNKNOWN that no mapping change could fix.
 */
class ValidationChecksFinalDimensionValuesTest {
    private static final String PHASE_B = "24-017 / Phase B";
    private static final MappingRule PHASE_B_RULE = new MappingRule(PHASE_B, null, null, null,
            List.of(new DimensionTemplate("PROJECT", "24-017-B")));

    private final MapperHarness harness = new MapperHarness();

    @BeforeEach
    void bcHasTheCustomersProjectValue() {
        harness.dimensions = List.of(
                HarborRidge.dimension("PROJECT", "Project", "2024-001", "2024-002", "24-017-B"),
                HarborRidge.dimensions().get(1), HarborRidge.dimensions().get(2));
    }

    private void rules(MappingRule... extra) {
        List<MappingRule> all = new ArrayList<>(HarborRidge.rules());
        all.addAll(List.of(extra));
        harness.rules = new MappingRuleSet(2, all);
    }

    private static CostDocument requisitionOf(String projectNumber) {
        return Docs.document(SourceType.REQUISITION, "9100001", List.of(
                        line("r1", "03-300", "S", "1000.00", "100.00"), line("r2", "05-100", "M", "500.00")))
                .setProjectNumber(projectNumber).build();
    }

    private PostingRequest mapped(CostDocument document) {
        MappingOutcome outcome = harness.mapper().map(document);
        assertThat(outcome).as("outcome").isInstanceOf(MappingOutcome.Mapped.class);
        return ((MappingOutcome.Mapped) outcome).request();
    }

    private MappingException parked(CostDocument document) {
        MappingOutcome outcome = harness.mapper().map(document);
        assertThat(outcome).as("outcome").isInstanceOf(MappingOutcome.Parked.class);
        return ((MappingOutcome.Parked) outcome).exception();
    }

    private static List<String> dims(PostingLine line) {
        return line.getDimensions().stream().map(d -> d.getDimensionCode() + "=" + d.getValueCode()).toList();
    }

    @Test
    void projectRuleValueIsWhatPostsAndWhatIsValidated() {
        rules(PHASE_B_RULE);

        PostingRequest request = mapped(requisitionOf(PHASE_B));

        assertThat(request.getLines()).hasSize(3);
        assertThat(request.getLines()).allSatisfy(l -> assertThat(dims(l)).contains("PROJECT=24-017-B"));
        assertThat(dims(request.getLines().get(0))).containsExactlyInAnyOrder(
                "PROJECT=24-017-B", "COSTCODE=03-300", "COSTTYPE=S");
        assertThat(dims(request.getLines().get(2))).as("retainage line: the project's values").containsExactly(
                "PROJECT=24-017-B");
    }

    @Test
    void projectRuleAppliesToMemoJournalsAndPrimeChangeOrdersToo() {
        rules(PHASE_B_RULE);
        CostDocument changeOrder = Docs.document(SourceType.PRIME_CHANGE_ORDER, "9100002",
                List.of(line("p1", "03-300", "S", "2500.00"))).setProjectNumber(PHASE_B).setVendor(null).build();
        assertThat(dims(mapped(changeOrder).getLines().get(0))).contains("PROJECT=24-017-B");
        CostDocument commitment = Docs.document(SourceType.WORK_ORDER_CONTRACT, "9100003",
                List.of(line("c1", "03-300", "S", "2500.00"))).setProjectNumber(PHASE_B).build();
        assertThat(dims(mapped(commitment).getLines().get(0))).contains("PROJECT=24-017-B");
    }

    @Test
    void invalidProjectNumberWithoutARuleSaysSoInWordsAndWhichRuleToAdd() {
        MappingException exception = parked(requisitionOf(PHASE_B));

        assertThat(exception.getReasons()).as("once for the document, not once per line").singleElement()
                .satisfies(reason -> {
                    assertThat(reason.getCode()).isEqualTo("PROJECT_NOT_MAPPED");
                    assertThat(reason.getLineId()).isNull();
                    assertThat(reason.getMessage())
                            .contains("Procore project number '24-017 / Phase B' cannot be a Business Central PROJECT value")
                            .contains("a space", "'/'")
                            .contains("Add a project rule")
                            .contains("24-017 / Phase B,,,,PROJECT=24-017-PHASE-B")
                            .contains("PUT /api/tenants/harbor-ridge/mapping/rule")
                            .doesNotContain("Exception", "io.mlconnector");
                });
    }

    @Test
    void projectNumberLongerThanACodeIsNamedAsTooLong() {
        MappingException exception = parked(requisitionOf("2024-001-RIVERSIDE-MOB-PHASE2"));
        assertThat(exception.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("PROJECT_NOT_MAPPED");
            assertThat(reason.getMessage()).contains("it is 29 characters long");
        });
    }

    @Test
    void validCodeMissingInBcSuggestsTheValueInBcOrAProjectRule() {
        MappingException exception = parked(requisitionOf("2099-999"));
        assertThat(exception.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("DIMENSION_VALUE_UNKNOWN");
            assertThat(reason.getMessage()).contains("no value 2099-999", "Add the value to dimension PROJECT in BC",
                    "2099-999,,,,PROJECT=");
        });
    }

    @Test
    void projectRuleValueMissingInBcNamesTheRule() {
        rules(new MappingRule(PHASE_B, null, null, null, List.of(new DimensionTemplate("PROJECT", "24-017-C"))));
        MappingException exception = parked(requisitionOf(PHASE_B));
        assertThat(exception.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("DIMENSION_VALUE_UNKNOWN");
            assertThat(reason.getMessage()).contains("no value 24-017-C", "the project rule for project 24-017 / Phase B");
        });
    }

    @Test
    void rollUpIsValidatedOnTheValueItRollsUpTo() {
        // Procore splits concrete into 03-310 / 03-320; BC has one COSTCODE value 03-300 for both
        rules(new MappingRule(null, "03-310", "S", "5130", List.of(new DimensionTemplate("COSTCODE", "03-300"))),
                new MappingRule(null, "03-320", "S", "5130", List.of(new DimensionTemplate("COSTCODE", "03-300"))),
                new MappingRule(null, "03-330", "S", "5130", List.of(new DimensionTemplate("COSTCODE", "03-399"))));
        CostDocument requisition = Docs.requisition("9100004",
                line("a", "03-310", "S", "100.00"), line("b", "03-320", "S", "200.00"));
        assertThat(mapped(requisition).getLines()).extracting(ValidationChecksFinalDimensionValuesTest::dims)
                .allSatisfy(d -> assertThat(d).contains("COSTCODE=03-300"));

        MappingException exception = parked(Docs.requisition("9100005", line("c", "03-330", "S", "100.00")));
        assertThat(exception.getReasons()).extracting(MappingProblem::getCode, MappingProblem::getLineId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DIMENSION_VALUE_UNKNOWN", "c"));
        assertThat(exception.getReasons().get(0).getMessage()).contains("03-399").doesNotContain("03-330 in");
    }
}
