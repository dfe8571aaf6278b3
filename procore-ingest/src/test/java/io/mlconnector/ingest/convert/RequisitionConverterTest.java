package io.mlconnector.ingest.convert;

import static io.mlconnector.ingest.convert.Demo.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequisitionConverterTest {

    static Requisition requisition(String status, String invoiceNumber, RequisitionItem... items) {
        return new Requisition(7300101L, 2001001L, 2, invoiceNumber, 7100101L, "WorkOrderContract", 3968001L,
                "Apex Concrete (as typed on the invoice)", status, LocalDate.parse("2026-10-31"),
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), null, null,
                Instant.parse("2026-11-08T21:00:00Z"), List.of(items));
    }

    /** Work 12,345.67 + materials 1,000.10; retained 10 % of work (1,234.57) + materials (100.01), 500.00 released. */
    static RequisitionItem billedFoundations() {
        return new RequisitionItem(73001011L, "contract_item", 71001011L, null, "Foundations", money("50000.00"),
                money("12345.67"), money("1000.10"), money("1234.57"), money("500.00"), money("100.01"),
                BigDecimal.ZERO, null);
    }

    @Test
    void costTypeComesFromTheCommitmentLineAndRetainageIsNetOfRelease() {
        CostDocument doc = RequisitionConverter.convert(Demo.context(), requisition("approved", "INV-2231", billedFoundations()),
                Map.of(Demo.FOUNDATIONS.id(), Demo.FOUNDATIONS));

        assertThat(doc.getSourceType()).isEqualTo(SourceType.REQUISITION);
        assertThat(doc.getSourceId()).isEqualTo("7300101");
        assertThat(doc.getNumber()).isEqualTo("INV-2231");
        assertThat(doc.getVendorInvoiceNumber()).as("the subcontractor's own invoice number").isEqualTo("INV-2231");
        assertThat(doc.getParentId()).isEqualTo("7100101");
        assertThat(doc.getApproved()).isTrue();
        assertThat(doc.getDocumentDate()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(doc.getVendor().getId()).isEqualTo(3968001L);
        assertThat(doc.getVendor().getName()).as("the directory's name").isEqualTo("Apex Concrete Inc.");
        assertThat(doc.getVendor().getOriginId()).as("the BC link from the company directory")
                .isEqualTo("8f3c2a10-0000-4000-a000-000000000001");
        assertThat(doc.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getCostType().getCode()).isEqualTo("S");
            assertThat(line.getCostType().getId()).isEqualTo(3522603L);
            assertThat(line.getCostCode().getFullCode()).as("from the commitment line when the item has no code id")
                    .isEqualTo("03-300");
            assertThat(line.getAmount()).isEqualTo(money("13345.77"));
            assertThat(line.getRetainageAmount()).isEqualTo(money("834.58"));
            assertThat(line.getCommitmentLineId()).isEqualTo("71001011");
        });
        assertThat(doc.getTotalAmount()).isEqualTo(money("13345.77"));
        assertThat(doc.getRetainageAmount()).isEqualTo(money("834.58"));
    }

    @Test
    void itemCostCodeIdWinsAndTheCombinedRetainageIsUsedWhenGiven() {
        RequisitionItem item = new RequisitionItem(73001012L, "contract_item", 71001011L, 80001003L, "Slab",
                money("20000.00"), money("4000.00"), BigDecimal.ZERO, money("400.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, money("400.00"));
        CostDocument doc = RequisitionConverter.convert(Demo.context(), requisition("under_review", " ", item),
                Map.of(Demo.FOUNDATIONS.id(), Demo.FOUNDATIONS));

        assertThat(doc.getNumber()).as("no invoice number: the application number").isEqualTo("#2");
        assertThat(doc.getVendorInvoiceNumber()).as("Procore has none: no vendor invoice number is made up").isNull();
        assertThat(doc.getApproved()).isFalse();
        assertThat(doc.getLines().get(0).getCostCode().getId()).isEqualTo(80001003L);
        assertThat(doc.getLines().get(0).getRetainageAmount()).isEqualTo(money("400.00"));
        assertThat(doc.getTotalAmount()).isEqualTo(money("4000.00"));
    }

    @Test
    void anItemWhoseCommitmentLineIsUnknownHasNoCostType() {
        CostDocument doc = RequisitionConverter.convert(Demo.context(),
                requisition("approved_as_noted", "INV-1", billedFoundations()), Map.of());

        assertThat(doc.getApproved()).isTrue();
        assertThat(doc.getLines().get(0).getCostType()).isNull();
    }
}
