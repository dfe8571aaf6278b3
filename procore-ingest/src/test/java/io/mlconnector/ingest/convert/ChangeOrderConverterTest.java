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
}
