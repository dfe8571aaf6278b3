package io.mlconnector.mapping.core;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.MappingProblem;
import io.mlconnector.events.SourceType;
import io.mlconnector.events.VendorRef;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MapperHarness;
import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleSet;
import io.mlconnector.mapping.rules.TenantAccounts;
import io.mlconnector.mapping.fixtures.Links;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every park reason, with messages an accountant can act on, and all of a document's problems at once. */
class MappingProblemsTest {
    private final MapperHarness harness = new MapperHarness();

    private MappingException parked(CostDocument document) {
        MappingOutcome outcome = harness.mapper().map(document);
        assertThat(outcome).as("outcome").isInstanceOf(MappingOutcome.Parked.class);
        return ((MappingOutcome.Parked) outcome).exception();
    }

    private static List<String> codes(MappingException exception) {
        return exception.getReasons().stream().map(MappingProblem::getCode).toList();
    }

    @Test
    void unmappedCostCodeSaysWhichCodeTypeAndProject() {
        MappingException exception = parked(Docs.requisition("1", line("r1", "99-900", "M", "100.00")));
        assertThat(codes(exception)).containsExactly("COST_CODE_NOT_MAPPED", "DIMENSION_VALUE_UNKNOWN");
        assertThat(exception.getReasons().get(0).getMessage()).startsWith(
                "Cost code 99-900 (Owner Allowance) with cost type M has no G/L account in the mapping for project 2024-001.");
        assertThat(exception.getReasons().get(0).getLineId()).isEqualTo("r1");
        assertThat(exception.getReasons().get(1).getMessage()).contains("COSTCODE", "99-900");
        assertThat(exception.getDocument().getSourceId()).isEqualTo("1");
    }

    @Test
    void noRuleAtAllIsNotMapped() {
        harness.rules = new MappingRuleSet(1, List.of(MappingRule.typeDefault("L", "5110")));
        assertThat(codes(parked(Docs.requisition("2", line("r1", "03-300", "M", "1.00")))))
                .containsExactly("COST_CODE_NOT_MAPPED");
    }

    @Test
    void blockedAccountParksWithGlAccountBlocked() {
        MappingException exception = parked(Docs.requisition("3", line("r1", "04-200", "M", "900.00")));
        assertThat(codes(exception)).containsExactly("GL_ACCOUNT_BLOCKED");
        assertThat(exception.getReasons().get(0).getMessage()).contains("5190", "Job Cost - Obsolete", "blocked", "04-200");
    }

    @Test
    void unknownHeadingAndNonDirectAccountsEachHaveTheirCode() {
        harness.rules = new MappingRuleSet(1, List.of(
                MappingRule.codeAndType("01-100", "L", "5999"),
                MappingRule.codeAndType("02-200", "L", "5100"),
                MappingRule.codeAndType("03-300", "L", "2110")));
        MappingException exception = parked(Docs.requisition("4",
                line("a", "01-100", "L", "1.00"), line("b", "02-200", "L", "1.00"), line("c", "03-300", "L", "1.00")));
        assertThat(exception.getReasons()).extracting(MappingProblem::getCode, MappingProblem::getLineId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GL_ACCOUNT_UNKNOWN", "a"),
                org.assertj.core.groups.Tuple.tuple("GL_ACCOUNT_NOT_POSTING_TYPE", "b"),
                org.assertj.core.groups.Tuple.tuple("GL_ACCOUNT_NOT_DIRECT_POSTING", "b"),
                org.assertj.core.groups.Tuple.tuple("GL_ACCOUNT_NOT_DIRECT_POSTING", "c"));
    }

    @Test
    void tenantPolicyAccountsAreValidatedToo() {
        harness.settings = new TenantMappingSettings(
                new TenantAccounts("2110", null, null, null, null, null, null, null),
                HarborRidge.settings().dimensionCodes(), HarborRidge.settings().policy());
        MappingException exception = parked(Docs.requisition("5", line("r1", "03-300", "S", "100.00", "10.00")));
        assertThat(codes(exception)).containsExactly("GL_ACCOUNT_NOT_DIRECT_POSTING");
        assertThat(exception.getReasons().get(0).getMessage()).contains("retainage payable");
        assertThat(exception.getReasons().get(0).getLineId()).isNull();
    }

    @Test
    void missingCostTypeAndCostCode() {
        MappingException exception = parked(Docs.requisition("6",
                line("r1", "03-300", null, "5.00"), line("r2", null, "L", "5.00")));
        assertThat(codes(exception)).contains("COST_TYPE_MISSING", "COST_CODE_MISSING");
    }

    @Test
    void unknownDimensionValueAndUnknownDimension() {
        harness.rules = new MappingRuleSet(1, List.of(MappingRule.typeDefault("L", "5110"),
                new MappingRule(null, "01-100", "L", "5110", List.of(new DimensionTemplate("PHASE", "FOUNDATION")))));
        CostDocument document = Docs.document(SourceType.REQUISITION, "7",
                List.of(line("r1", "01-100", "L", "5.00"))).setProjectNumber("2099-999").build();
        assertThat(codes(parked(document))).containsExactly("DIMENSION_VALUE_UNKNOWN", "DIMENSION_UNKNOWN");
    }

    @Test
    void vendorWithoutOriginIdOrLinkIsNotLinked() {
        CostDocument document = Docs.document(SourceType.REQUISITION, "8", List.of(line("r1", "03-300", "S", "5.00")))
                .setVendor(new VendorRef(3968031L, "Quickfix Handyman LLC", null)).build();
        MappingException exception = parked(document);
        assertThat(codes(exception)).containsExactly("VENDOR_NOT_LINKED");
        assertThat(exception.getReasons().get(0).getMessage()).contains("Quickfix Handyman LLC", "3968031");
    }

    @Test
    void explicitLinkWinsOverOriginId() {
        harness.links.put(HarborRidge.procoreVendorId(1), Links.manual(HarborRidge.procoreVendorId(1), "V1020"));
        MappingOutcome outcome = harness.mapper().map(Docs.requisition("9", line("r1", "03-300", "S", "5.00")));
        assertThat(((MappingOutcome.Mapped) outcome).request().getVendorNumber()).isEqualTo("V1020");
    }

    @Test
    void linkToMissingVendorAndUnknownOriginIdAreUnknownInBc() {
        harness.links.put(3968032L, Links.manual(3968032L, "00000000-0000-4000-a000-000000009999", "V9999", java.time.Instant.EPOCH));
        CostDocument linked = Docs.document(SourceType.REQUISITION, "10", List.of(line("r1", "03-300", "S", "5.00")))
                .setVendor(new VendorRef(3968032L, "Lone Star Rebar Supply", null)).build();
        assertThat(codes(parked(linked))).containsExactly("VENDOR_UNKNOWN_IN_BC");
        CostDocument badOrigin = Docs.document(SourceType.REQUISITION, "11", List.of(line("r1", "03-300", "S", "5.00")))
                .setVendor(new VendorRef(3968005L, "Summit Roofing Co.", "00000000-0000-0000-0000-000000000000")).build();
        assertThat(codes(parked(badOrigin))).containsExactly("VENDOR_UNKNOWN_IN_BC");
    }

    @Test
    void vendorBlockedForAllParksButPaymentBlockStillInvoices() {
        CostDocument blocked = Docs.document(SourceType.REQUISITION, "12", List.of(line("r1", "02-200", "S", "5.00")))
                .setVendor(Docs.vendor(29)).build();
        assertThat(codes(parked(blocked))).containsExactly("VENDOR_BLOCKED");
        CostDocument paymentBlocked = Docs.document(SourceType.REQUISITION, "13", List.of(line("r1", "02-200", "S", "5.00")))
                .setVendor(Docs.vendor(28)).build();
        assertThat(harness.mapper().map(paymentBlocked)).isInstanceOf(MappingOutcome.Mapped.class);
    }

    @Test
    void originIdMatchesCaseInsensitively() {
        CostDocument document = Docs.document(SourceType.REQUISITION, "14", List.of(line("r1", "02-200", "S", "5.00")))
                .setVendor(new VendorRef(3968003L, "Cascade", HarborRidge.bcVendorId(3).toUpperCase())).build();
        assertThat(((MappingOutcome.Mapped) harness.mapper().map(document)).request().getVendorNumber()).isEqualTo("V1030");
    }

    @Test
    void emptyDocumentAndMissingVendor() {
        CostDocument empty = Docs.document(SourceType.REQUISITION, "15", List.of()).setVendor(null).build();
        assertThat(codes(parked(empty))).containsExactly("EMPTY_DOCUMENT", "VENDOR_MISSING");
        CostDocument zeros = Docs.directCost("expense", "16", line("e1", "01-100", "O", "0.00"));
        assertThat(codes(parked(zeros))).containsExactly("EMPTY_DOCUMENT");
    }

    @Test
    void linesThatDoNotAddUpToTheTotalPark() {
        CostDocument document = Docs.document(SourceType.REQUISITION, "17", List.of(line("r1", "03-300", "S", "5.00")))
                .setTotalAmount(new BigDecimal("6.00")).build();
        assertThat(codes(parked(document))).containsExactly("DOCUMENT_TOTAL_MISMATCH");
    }

    @Test
    void unknownSourceTypeOrDirectCostTypeParksAsUnsupported() {
        assertThat(codes(parked(Docs.directCost("timesheet", "18", line("x", "01-100", "L", "1.00")))))
                .containsExactly("UNSUPPORTED_DOCUMENT");
        assertThat(codes(parked(Docs.document(SourceType.UNKNOWN, "19", List.of(line("x", "01-100", "L", "1.00"))).build())))
                .containsExactly("UNSUPPORTED_DOCUMENT");
    }

    @Test
    void missingProjectNumberParks() {
        CostDocument document = Docs.document(SourceType.DIRECT_COST, "20", List.of(line("e1", "01-100", "O", "1.00")))
                .setDirectCostType("expense").setProjectNumber(null).build();
        assertThat(codes(parked(document))).contains("PROJECT_NUMBER_MISSING");
    }

    @Test
    void everyProblemOfAMultiLineDocumentIsReportedAtOnce() {
        List<io.mlconnector.events.CostDocumentLine> lines = new ArrayList<>(List.of(
                line("ok", "03-300", "S", "1000.00", "100.00"),
                line("allowance", "99-900", "M", "200.00"),
                line("masonry", "04-200", "M", "300.00"),
                line("no-type", "05-100", null, "400.00")));
        CostDocument document = Docs.document(SourceType.REQUISITION, "21", lines)
                .setVendor(new VendorRef(3968031L, "Quickfix Handyman LLC", null)).build();

        MappingException exception = parked(document);

        assertThat(exception.getReasons()).extracting(MappingProblem::getCode, MappingProblem::getLineId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COST_CODE_NOT_MAPPED", "allowance"),
                org.assertj.core.groups.Tuple.tuple("DIMENSION_VALUE_UNKNOWN", "allowance"),
                org.assertj.core.groups.Tuple.tuple("GL_ACCOUNT_BLOCKED", "masonry"),
                org.assertj.core.groups.Tuple.tuple("COST_TYPE_MISSING", "no-type"),
                org.assertj.core.groups.Tuple.tuple("VENDOR_NOT_LINKED", null));
        assertThat(exception.getStatus()).isEqualTo(io.mlconnector.events.ExceptionStatus.PARKED);
    }
}
