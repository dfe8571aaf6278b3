package io.mlconnector.mapping.policy;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.DimensionValue;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.SourceType;
import io.mlconnector.mapping.core.MappingOutcome;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MapperHarness;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each BC document type's lines and totals, exact to the cent (posting policy table in the README). */
class PostingPolicyStrategiesTest {
    private final MapperHarness harness = new MapperHarness();

    private PostingRequest mapped(CostDocument document) {
        MappingOutcome outcome = harness.mapper().map(document);
        assertThat(outcome).isInstanceOf(MappingOutcome.Mapped.class);
        return ((MappingOutcome.Mapped) outcome).request();
    }

    private static List<String> dims(PostingLine line) {
        return line.getDimensions().stream().map(d -> d.getDimensionCode() + "=" + d.getValueCode()).toList();
    }

    @Test
    void requisitionInvoiceTotalIsWhatIsDueNowAfterRetainage() {
        CostDocument requisition = Docs.requisition("9000123",
                line("r1", "03-300", "S", "45000.10", "4500.01"),
                line("r2", "05-100", "M", "12345.67", "1234.57"));

        PostingRequest request = mapped(requisition);

        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.PURCHASE_INVOICE);
        assertThat(request.getVendorNumber()).isEqualTo("V1010");
        assertThat(request.getVendorId()).isEqualTo(HarborRidge.bcVendorId(1));
        assertThat(request.getLines()).hasSize(3);
        PostingLine first = request.getLines().get(0);
        assertThat(first.getAccountNumber()).isEqualTo("5130");
        assertThat(first.getAmount()).isEqualTo(new BigDecimal("45000.10"));
        assertThat(dims(first)).containsExactly("PROJECT=2024-001", "COSTCODE=03-300", "COSTTYPE=S");
        assertThat(request.getLines().get(1).getAccountNumber()).isEqualTo("5120");
        PostingLine retainage = request.getLines().get(2);
        assertThat(retainage.getAccountNumber()).isEqualTo("2120");
        assertThat(retainage.getAmount()).isEqualTo(new BigDecimal("-5734.58"));
        assertThat(retainage.getSourceLineId()).isNull();
        assertThat(dims(retainage)).containsExactly("PROJECT=2024-001");
        // 45000.10 + 12345.67 - 5734.58: the invoice total is what is due to the subcontractor now
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("51611.19"));
        assertThat(request.getJournalCode()).isNull();
        assertThat(request.getPostingKey()).startsWith("RQ-9000123-");
    }

    @Test
    void requisitionWithoutRetainageHasNoRetainageLine() {
        PostingRequest request = mapped(Docs.requisition("9000124", line("r1", "22-100", "S", "800.00")));
        assertThat(request.getLines()).extracting(PostingLine::getAccountNumber).containsExactly("5130");
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("800.00"));
    }

    @Test
    void directCostInvoicePostsMappedLinesOnAPurchaseInvoice() {
        PostingRequest request = mapped(Docs.directCost("invoice", "7700001",
                line("d1", "09-900", "M", "1200.00"), line("d2", "01-100", "E", "300.55")));
        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.PURCHASE_INVOICE);
        assertThat(request.getLines()).extracting(PostingLine::getAccountNumber).containsExactly("5120", "5140");
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("1500.55"));
    }

    @Test
    void negativeDirectCostInvoiceBecomesCreditMemoWithPositiveAmounts() {
        PostingRequest request = mapped(Docs.directCost("Invoice", "7700002",
                line("d1", "09-900", "M", "-250.00"), line("d2", "09-900", "L", "-49.99")));
        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.PURCHASE_CREDIT_MEMO);
        assertThat(request.getLines()).extracting(PostingLine::getAmount)
                .containsExactly(new BigDecimal("250.00"), new BigDecimal("49.99"));
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("299.99"));
    }

    @Test
    void expenseDebitsCostAccountBalancedByExpenseClearing() {
        PostingRequest request = mapped(Docs.directCost("expense", "7700003", line("e1", "01-100", "O", "84.20")));
        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.GENERAL_JOURNAL);
        assertThat(request.getJournalCode()).isEqualTo("PROCORE");
        assertThat(request.getVendorId()).isNull();
        PostingLine expense = request.getLines().get(0);
        assertThat(expense.getAccountNumber()).isEqualTo("5150");
        assertThat(expense.getBalancingAccountNumber()).isEqualTo("2140");
        assertThat(expense.getAmount()).isEqualTo(new BigDecimal("84.20"));
        assertThat(dims(expense)).containsExactly("PROJECT=2024-001", "COSTCODE=01-100", "COSTTYPE=O");
    }

    @Test
    void payrollDebitsLaborBalancedByAccruedPayroll() {
        PostingRequest request = mapped(Docs.directCost("payroll", "7700004",
                line("p1", "03-300", "L", "5210.00"), line("p2", "02-200", "L", "1000.01")));
        assertThat(request.getLines()).extracting(PostingLine::getAccountNumber, PostingLine::getBalancingAccountNumber)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("5110", "2130"));
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("6210.01"));
    }

    @Test
    void commitmentIsMemoPairOnCommitmentAccountsWithJobCostDimensions() {
        CostDocument commitment = Docs.document(SourceType.WORK_ORDER_CONTRACT, "5500001",
                List.of(line("c1", "03-300", "S", "250000.00"), line("c2", "99-900", null, "0.00"))).build();
        PostingRequest request = mapped(commitment);
        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.GENERAL_JOURNAL);
        assertThat(request.getLines()).hasSize(1); // zero lines carry nothing to post
        PostingLine memo = request.getLines().get(0);
        assertThat(memo.getAccountNumber()).isEqualTo("1810");
        assertThat(memo.getBalancingAccountNumber()).isEqualTo("1815");
        assertThat(memo.getAmount()).isEqualTo(new BigDecimal("250000.00"));
        assertThat(dims(memo)).containsExactly("PROJECT=2024-001", "COSTCODE=03-300", "COSTTYPE=S");
        assertThat(request.getPostingKey()).startsWith("WO-5500001-");
    }

    @Test
    void commitmentChangeOrderPostsItsDeltaNegativeForDeduct() {
        CostDocument deduct = Docs.document(SourceType.COMMITMENT_CHANGE_ORDER, "5600001",
                List.of(line("cc1", "03-300", "S", "-12500.00"), line("cc2", "04-200", "M", "2500.00"))).build();
        PostingRequest request = mapped(deduct); // 04-200/M maps to a blocked account, but commitments use 1810
        assertThat(request.getLines()).extracting(PostingLine::getAmount)
                .containsExactly(new BigDecimal("-12500.00"), new BigDecimal("2500.00"));
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("-10000.00"));
        assertThat(request.getLines()).extracting(PostingLine::getAccountNumber).containsOnly("1810");
    }

    @Test
    void primeChangeOrderPostsOneContractValueLinePerChangeOrderLineWithItsDimensions() {
        // Before, the lines were summed into one line with the project dimension only (one 37499.50 line).
        CostDocument primeCo = Docs.document(SourceType.PRIME_CHANGE_ORDER, "6600001",
                List.of(line("pc1", "03-300", "S", "40000.00"), line("pc2", null, null, "-2500.50"),
                        line("pc3", "09-900", "S", "0.00"))).setVendor(null).build();
        PostingRequest request = mapped(primeCo);
        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.GENERAL_JOURNAL);
        assertThat(request.getLines()).as("zero lines carry nothing to post").hasSize(2);
        assertThat(request.getLines()).extracting(PostingLine::getAccountNumber, PostingLine::getBalancingAccountNumber)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("4910", "4915"));
        assertThat(request.getLines()).extracting(PostingLine::getSourceLineId).containsExactly("pc1", "pc2");
        assertThat(request.getLines()).extracting(PostingLine::getAmount)
                .containsExactly(new BigDecimal("40000.00"), new BigDecimal("-2500.50"));
        assertThat(dims(request.getLines().get(0))).containsExactly("PROJECT=2024-001", "COSTCODE=03-300", "COSTTYPE=S");
        assertThat(request.getLines().get(1).getDimensions()).containsExactly(new DimensionValue("PROJECT", "2024-001"));
        assertThat(request.getTotalAmount()).isEqualTo(new BigDecimal("37499.50"));
        assertThat(request.getPostingKey()).startsWith("PC-6600001-");
    }

    @Test
    void primeChangeOrderLineDimensionsComeFromTheMapping() {
        harness.rules = new io.mlconnector.mapping.rules.MappingRuleSet(2, List.of(
                new io.mlconnector.mapping.rules.MappingRule(null, "01-100", null, "5150",
                        List.of(new io.mlconnector.mapping.rules.DimensionTemplate("COSTTYPE", "")))));
        PostingRequest request = mapped(Docs.document(SourceType.PRIME_CHANGE_ORDER, "6600002",
                List.of(line("pc1", "01-100", "S", "1000.00"))).setVendor(null).build());
        assertThat(dims(request.getLines().get(0))).containsExactly("PROJECT=2024-001", "COSTCODE=01-100");
    }

    @Test
    void commitmentChangeOrderLineWithItsOwnCostCodeAndTypePostsWithThoseDimensions() {
        CostDocument co = Docs.document(SourceType.COMMITMENT_CHANGE_ORDER, "5600002",
                List.of(line("cc1", "03-300", "S", "18450.00"), line("cc2", "07-500", "M", "6150.00"))).build();
        PostingRequest request = mapped(co);
        assertThat(request.getLines()).extracting(PostingLine::getSourceLineId).containsExactly("cc1", "cc2");
        assertThat(dims(request.getLines().get(1))).containsExactly("PROJECT=2024-001", "COSTCODE=07-500", "COSTTYPE=M");
    }

    @Test
    void tenantPolicyCanSendExpensesToPurchaseInvoices() {
        harness.settings = io.mlconnector.mapping.fixtures.HarborRidge.settings().withPolicy(
                PostingPolicy.DEFAULTS.with(DocumentCategory.DIRECT_COST_EXPENSE, PostingTreatment.PURCHASE_INVOICE));
        PostingRequest request = mapped(Docs.directCost("expense", "7700005", line("e1", "01-100", "O", "10.00")));
        assertThat(request.getDocumentKind()).isEqualTo(BcDocumentKind.PURCHASE_INVOICE);
    }
}
