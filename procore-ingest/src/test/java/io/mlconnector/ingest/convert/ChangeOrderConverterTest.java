package io.mlconnector.ingest.convert;

import static io.mlconnector.ingest.convert.Demo.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.ChangeOrderLine;
import io.mlconnector.procore.model.CostCodeRef;
import io.mlconnector.procore.model.LineItemTypeRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeOrderConverterTest {

    static ChangeOrder order(ChangeOrderKind kind, String status, ChangeOrderLine... lines) {
        return new ChangeOrder(7500201L, 2001001L, kind, 7100101L, "CCO-003", "Deduct footing", status, null,
                Instant.parse("2026-10-25T15:00:00Z"), Instant.parse("2026-10-25T18:30:00Z"), List.of(lines));
    }

    @Test
    void aDeductIsANegativeDeltaAndInheritsCostCodeAndTypeFromTheCommitmentLine() {
        ChangeOrderLine deduct = new ChangeOrderLine(75002011L, "Smaller footing", money("-7250.00"), null, null,
                Demo.FOUNDATIONS.id(), null);
        CostDocument doc = ChangeOrderConverter.convert(Demo.context(), order(ChangeOrderKind.COMMITMENT, "approved", deduct),
                Map.of(Demo.FOUNDATIONS.id(), Demo.FOUNDATIONS));

        assertThat(doc.getSourceType()).isEqualTo(SourceType.COMMITMENT_CHANGE_ORDER);
        assertThat(doc.getApproved()).isTrue();
        assertThat(doc.getParentId()).isEqualTo("7100101");
        assertThat(doc.getDocumentDate()).as("approval date").isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(doc.getTotalAmount()).isEqualTo(money("-7250.00"));
        assertThat(doc.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getAmount()).isEqualTo(money("-7250.00"));
            assertThat(l.getCostCode().getId()).isEqualTo(80001003L);
            assertThat(l.getCostCode().getFullCode()).isEqualTo("03-300");
            assertThat(l.getCostType().getCode()).isEqualTo("S");
            assertThat(l.getCommitmentLineId()).isEqualTo("71001011");
        });
    }

    @Test
    void aLineWithItsOwnCostCodeAndTypeKeepsThemAndDeltasAddUp() {
        ChangeOrderLine own = new ChangeOrderLine(75002012L, "Steel add", money("1200.50"),
                new CostCodeRef(80001005L, "05-100", "Structural Steel"), new LineItemTypeRef(3522602L, "M", "Materials"),
                Demo.FOUNDATIONS.id(), null);
        ChangeOrderLine inherited = new ChangeOrderLine(75002013L, "Rebar add", money("300.25"), null, null,
                Demo.FOUNDATIONS.id(), null);
        CostDocument doc = ChangeOrderConverter.convert(Demo.context(),
                order(ChangeOrderKind.COMMITMENT, "pending", own, inherited), Map.of(Demo.FOUNDATIONS.id(), Demo.FOUNDATIONS));

        assertThat(doc.getApproved()).isFalse();
        assertThat(doc.getLines()).extracting(l -> l.getCostCode().getFullCode()).containsExactly("05-100", "03-300");
        assertThat(doc.getLines()).extracting(l -> l.getCostType().getCode()).containsExactly("M", "S");
        assertThat(doc.getTotalAmount()).isEqualTo(money("1500.75"));
    }

    @Test
    void primeChangeOrderCreditAndVoidAsDeleted() {
        ChangeOrderLine credit = new ChangeOrderLine(76002011L, "Owner credit", money("-8500.00"), null, null, null, 77000011L);
        CostDocument approved = ChangeOrderConverter.convert(Demo.context(), order(ChangeOrderKind.PRIME, "approved", credit), Map.of());
        CostDocument voided = ChangeOrderConverter.convert(Demo.context(), order(ChangeOrderKind.PRIME, "void", credit), Map.of());

        assertThat(approved.getSourceType()).isEqualTo(SourceType.PRIME_CHANGE_ORDER);
        assertThat(approved.getTotalAmount()).isEqualTo(money("-8500.00"));
        assertThat(approved.getDeleted()).isFalse();
        assertThat(voided.getDeleted()).isTrue();
        assertThat(voided.getApproved()).isFalse();
    }

    /** What the client reads from a v2 line's wbs_code.flat_code: codes without ids. */
    static ChangeOrderLine wbsLine(long id, String description, String amount, String costCode, String costType,
                                   Long commitmentLine) {
        return new ChangeOrderLine(id, description, money(amount), new CostCodeRef(null, costCode, null),
                new LineItemTypeRef(null, costType, null), commitmentLine, null);
    }

    @Test
    void aLineWithoutACommitmentLineKeepsTheCostCodeAndTypeOfItsOwnWbsCode() {
        // Before, both were dropped (the wbs codes carry no ids) and the line posted with the project dimension only.
        ChangeOrder order = order(ChangeOrderKind.COMMITMENT, "approved",
                wbsLine(75003012L, "Waterproofing at the new shear wall", "6150.00", "07-500", "M", null));
        assertThat(ChangeOrderConverter.needsCodeLookups(order, Map.of())).isTrue();

        CostDocument doc = ChangeOrderConverter.convert(Demo.contextWithCodes(), order, Map.of());

        assertThat(doc.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getCostCode().getId()).isEqualTo(80001006L);
            assertThat(l.getCostCode().getFullCode()).isEqualTo("07-500");
            assertThat(l.getCostCode().getName()).isEqualTo("Roofing");
            assertThat(l.getCostType().getId()).isEqualTo(3522602L);
            assertThat(l.getCostType().getCode()).isEqualTo("M");
            assertThat(l.getCommitmentLineId()).isNull();
        });
    }

    @Test
    void commitmentLineStaysTheSourceWhenTheLineChangesOneAndNeedsNoLookups() {
        ChangeOrder order = order(ChangeOrderKind.COMMITMENT, "approved",
                wbsLine(75001011L, "Additional footing", "18450.00", "03-300", "S", Demo.FOUNDATIONS.id()),
                wbsLine(75001013L, "Waterproofing", "6150.00", "07-500", "M", null));
        Map<Long, io.mlconnector.procore.model.CommitmentLine> changed = Map.of(Demo.FOUNDATIONS.id(), Demo.FOUNDATIONS);
        assertThat(ChangeOrderConverter.needsCodeLookups(
                order(ChangeOrderKind.COMMITMENT, "approved", order.lines().get(0)), changed)).isFalse();

        CostDocument doc = ChangeOrderConverter.convert(Demo.contextWithCodes(), order, changed);

        assertThat(doc.getLines()).extracting(l -> l.getCostCode().getFullCode() + "/" + l.getCostType().getCode())
                .containsExactly("03-300/S", "07-500/M");
        assertThat(doc.getTotalAmount()).isEqualTo(money("24600.00"));
    }

    @Test
    void primeChangeOrderLinesCarryTheirWbsCostCodeAndTypeLineByLine() {
        ChangeOrder order = order(ChangeOrderKind.PRIME, "approved",
                new ChangeOrderLine(76003011L, "Structural revisions", money("51800.00"), new CostCodeRef(null, "03-300", null),
                        new LineItemTypeRef(null, "s", null), null, 770000301L),
                new ChangeOrderLine(76003012L, "Waterproofing", money("6900.00"), new CostCodeRef(null, "07-500", null),
                        new LineItemTypeRef(null, "S", null), null, 770000302L));

        CostDocument doc = ChangeOrderConverter.convert(Demo.contextWithCodes(), order, Map.of());

        assertThat(doc.getSourceType()).isEqualTo(SourceType.PRIME_CHANGE_ORDER);
        assertThat(doc.getLines()).extracting(l -> l.getLineId() + " " + l.getCostCode().getId() + " " + l.getCostType().getId())
                .containsExactly("76003011 80001003 3522603", "76003012 80001006 3522603");
        assertThat(doc.getTotalAmount()).isEqualTo(money("58700.00"));
    }

    @Test
    void aWbsCodeTheProjectDoesNotKnowLeavesTheLineWithoutThatCode() {
        ChangeOrder order = order(ChangeOrderKind.PRIME, "approved",
                wbsLine(76003013L, "Unknown code", "100.00", "88-888", "S", null));
        CostDocument doc = ChangeOrderConverter.convert(Demo.contextWithCodes(), order, Map.of());
        assertThat(doc.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getCostCode()).isNull();
            assertThat(l.getCostType().getCode()).isEqualTo("S");
        });
    }

    @Test
    void aCostCodeThatContainsTheSegmentSeparatorIsFoundWhole() {
        // A chart whose codes read "03.300": its budget code "03.300.SUB" is cost code 03.300, cost type SUB. Before,
        // the code was cut at the first '.', found nowhere, and the line posted without its cost code dimension.
        var dotted = new io.mlconnector.procore.model.CostCode(90001001L, "03.300", "Betongarbeid", null);
        var sub = new io.mlconnector.procore.model.LineItemType(90002003L, "SUB", "Subcontract", "commitment");
        ProjectContext context = new ProjectContext("nordvik", 1L << 49, Demo.PROJECT, Map.of(),
                Map.of(dotted.id(), dotted), Map.of("SUB", sub), Demo.OBSERVED);
        ChangeOrder order = order(ChangeOrderKind.COMMITMENT, "approved",
                wbsLine(75004011L, "Ekstra fundament", "24500.00", "03.300", "SUB", null),
                wbsLine(75004012L, "Only a code", "100.00", "03", "300", null));

        CostDocument doc = ChangeOrderConverter.convert(context, order, Map.of());

        assertThat(doc.getLines()).extracting(l -> l.getCostCode().getId() + " "
                        + (l.getCostType() == null ? null : l.getCostType().getCode()))
                .containsExactly("90001001 SUB", "90001001 null");
    }
}
