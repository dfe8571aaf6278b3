package io.mlconnector.ingest.convert;

import static io.mlconnector.ingest.convert.Demo.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLine;
import io.mlconnector.procore.model.DirectCostType;
import io.mlconnector.procore.model.EmployeeRef;
import io.mlconnector.procore.model.VendorRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectCostConverterTest {

    static DirectCost cost(DirectCostType type, String status, String invoiceNumber, Instant deletedAt) {
        return new DirectCost(7400101L, 2001001L, type, status, invoiceNumber, LocalDate.parse("2026-10-12"),
                "Rebar delivery", type == DirectCostType.PAYROLL ? null : new VendorRef(3968001L, "Apex", null),
                type == DirectCostType.PAYROLL ? new EmployeeRef(9001L, "J. Ortega") : null, money("1500.25"), null,
                Instant.parse("2026-10-18T19:00:00Z"), deletedAt,
                List.of(new DirectCostLine(74001011L, "Rebar #5", money("1000.20"), Demo.CONCRETE_REF, Demo.MATERIALS),
                        new DirectCostLine(74001012L, "Rebar #4", money("500.05"), Demo.STEEL_REF, Demo.MATERIALS)));
    }

    @Test
    void invoiceKeepsNumberVendorLinesAndExactAmounts() {
        CostDocument doc = DirectCostConverter.convert(Demo.context(), cost(DirectCostType.INVOICE, "approved", "RLS-1184", null));

        assertThat(doc.getSourceType()).isEqualTo(SourceType.DIRECT_COST);
        assertThat(doc.getDirectCostType()).isEqualTo("invoice");
        assertThat(doc.getNumber()).isEqualTo("RLS-1184");
        assertThat(doc.getVendorInvoiceNumber()).as("the supplier's own invoice number").isEqualTo("RLS-1184");
        assertThat(doc.getApproved()).isTrue();
        assertThat(doc.getDeleted()).isFalse();
        assertThat(doc.getVendor().getOriginId()).isEqualTo("8f3c2a10-0000-4000-a000-000000000001");
        assertThat(doc.getLines()).extracting(l -> l.getCostCode().getFullCode()).containsExactly("03-300", "05-100");
        assertThat(doc.getLines()).extracting(l -> l.getCostType().getCode()).containsExactly("M", "M");
        assertThat(doc.getTotalAmount()).isEqualTo(money("1500.25"));
        assertThat(doc.getRetainageAmount()).isEqualTo(money("0.00"));
    }

    @Test
    void expenseAndPayrollWithoutInvoiceNumberAreNamedByTypeAndId() {
        CostDocument expense = DirectCostConverter.convert(Demo.context(), cost(DirectCostType.EXPENSE, "approved", null, null));
        CostDocument payroll = DirectCostConverter.convert(Demo.context(), cost(DirectCostType.PAYROLL, "pending", "", null));

        assertThat(expense.getDirectCostType()).isEqualTo("expense");
        assertThat(expense.getNumber()).isEqualTo("expense-7400101");
        assertThat(expense.getVendorInvoiceNumber()).as("Procore has none").isNull();
        assertThat(payroll.getVendorInvoiceNumber()).as("blank is none").isNull();
        assertThat(payroll.getDirectCostType()).isEqualTo("payroll");
        assertThat(payroll.getNumber()).isEqualTo("payroll-7400101");
        assertThat(payroll.getApproved()).isFalse();
        assertThat(payroll.getVendor()).isNull();
    }

    @Test
    void aSoftDeletedCostIsPublishedAsDeleted() {
        CostDocument doc = DirectCostConverter.convert(Demo.context(),
                cost(DirectCostType.INVOICE, "approved", "X-1", Instant.parse("2026-11-20T10:00:00Z")));

        assertThat(doc.getDeleted()).isTrue();
        assertThat(doc.getLines()).hasSize(2);
    }
}
