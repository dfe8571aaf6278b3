package io.mlconnector.bc;

import static io.mlconnector.bc.BcTestSupport.TIMEOUT;
import static io.mlconnector.bc.BcTestSupport.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Draft -> post -> Open with a posted number, and the business rules BC enforces at posting. */
class PurchaseInvoicePostingTest {

    private BcSandbox sandbox;
    private BcClient client;
    private final BcCallCounter counter = new BcCallCounter();

    @BeforeEach
    void start() {
        sandbox = BcSandbox.start(BcSandboxOptions.demo());
        client = BcTestSupport.client(sandbox, BcTestSupport.fastRetries(BcClientOptions.defaults()).withListener(counter));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void draftWithLineDimensionsIsOneRequestAndPostingMakesItOpenWithAPostedNumber() {
        BcCallCounter perDocument = new BcCallCounter();
        BcPurchaseInvoice draft = perDocument.count(client.createPurchaseInvoice(invoice("V1010", "inv-2026-0915", "5120",
                "15250.00"))).block(TIMEOUT);
        assertThat(perDocument.calls()).as("calls counted through the Reactor context").isEqualTo(1);
        assertThat(counter.calls()).as("header + lines + line dimensions in one deep insert").isEqualTo(1);
        assertThat(draft.status()).isEqualTo("Draft");
        assertThat(draft.vendorInvoiceNumber()).isEqualTo("INV-2026-0915");
        assertThat(draft.totalAmountIncludingTax()).isEqualByComparingTo("16150.50");
        assertThat(draft.lines()).hasSize(2);
        assertThat(draft.lines().get(0).dimensions()).extracting(DimensionAssignment::valueCode)
                .containsExactly("2024-001", "03-300", "M");

        client.postPurchaseInvoice(draft.id()).block(TIMEOUT);
        BcPurchaseInvoice posted = client.purchaseInvoice(draft.id()).block(TIMEOUT);
        assertThat(posted.status()).isEqualTo("Open");
        assertThat(posted.number()).isEqualTo("PPI-108001");
        assertThat(sandbox.company().postedPurchaseInvoices("INV-2026-0915")).hasSize(1);
        List<JsonNode> ledger = sandbox.company().generalLedgerEntries("inv-2026-0915");
        assertThat(ledger).extracting(e -> e.get("accountNumber").asString()).containsExactly("5120", "5140", "2110");
        assertThat(ledger.get(0).get("dimensionSetLines")).hasSize(3);
        assertThat(client.findPurchaseInvoices(" inv-2026-0915 ").collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void postingAPostedInvoiceAgainIsRejected() {
        BcPurchaseInvoice draft = client.createPurchaseInvoice(invoice("V1010", "INV-A", "5120", "100")).block(TIMEOUT);
        client.postPurchaseInvoice(draft.id()).block(TIMEOUT);
        assertThatThrownBy(() -> client.postPurchaseInvoice(draft.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.bcMessage()).isEqualTo("The action can be applied to a draft invoice only.");
                    assertThat(e.correlationId()).isNotBlank();
                });
    }

    @Test
    void duplicateVendorInvoiceNumberIsRejectedAtPostingWithBcsMessage() {
        BcPurchaseInvoice first = client.createPurchaseInvoice(invoice("V1010", "INV-DUP-1", "5120", "100")).block(TIMEOUT);
        client.postPurchaseInvoice(first.id()).block(TIMEOUT);
        BcPurchaseInvoice second = client.createPurchaseInvoice(invoice("V1010", "inv-dup-1", "5120", "100")).block(TIMEOUT);
        assertThatThrownBy(() -> client.postPurchaseInvoice(second.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.code()).isEqualTo("Application_DialogException");
                    assertThat(e.bcMessage()).isEqualTo("Purchase Invoice INV-DUP-1 already exists for this vendor.");
                });
        assertThat(sandbox.company().draftPurchaseInvoiceCount()).isEqualTo(1);
    }

    @Test
    void blockedVendorAndBlockedAccountAndClosedPeriodAreBusinessRules() {
        assertThatThrownBy(() -> client.createPurchaseInvoice(invoice("V1290", "INV-B", "5120", "100")).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE));
        assertThatThrownBy(() -> client.createPurchaseInvoice(invoice("V1010", "INV-C", "5190", "100")).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.bcMessage()).contains("Blocked must be equal to 'No'");
                });
        assertThat(sandbox.company().draftPurchaseInvoiceCount()).as("a refused deep insert leaves nothing").isZero();

        BcPurchaseInvoice draft = client.createPurchaseInvoice(invoice("V1020", "INV-D", "5120", "100")).block(TIMEOUT);
        sandbox.company().setVendorBlocked("V1020", "All");
        assertThatThrownBy(() -> client.postPurchaseInvoice(draft.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.bcMessage()).contains("Vendor V1020 is blocked with type All");
                });

        PurchaseInvoiceDraft late = new PurchaseInvoiceDraft(null, "V1030", "INV-E", LocalDate.parse("2027-01-04"),
                LocalDate.parse("2027-01-04"), null, invoice("V1030", "x", "5120", "1").lines());
        BcPurchaseInvoice lateDraft = client.createPurchaseInvoice(late).block(TIMEOUT);
        assertThatThrownBy(() -> client.postPurchaseInvoice(lateDraft.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e ->
                        assertThat(e.bcMessage()).contains("not within your range of allowed posting dates"));
    }

    @Test
    void whenNestedLineDimensionsAreRefusedTheClientFallsBackToOneBatch() {
        sandbox.close();
        sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().acceptNestedDimensionSetLines(false).build());
        client = BcTestSupport.client(sandbox, BcTestSupport.fastRetries(BcClientOptions.defaults()).withListener(counter));

        BcPurchaseInvoice first = client.createPurchaseInvoice(invoice("V1010", "INV-F1", "5120", "100")).block(TIMEOUT);
        assertThat(counter.calls()).as("refused nested insert + plain deep insert + dimensions batch").isEqualTo(3);
        counter.reset();
        client.createPurchaseInvoice(invoice("V1010", "INV-F2", "5120", "100")).block(TIMEOUT);
        assertThat(counter.calls()).as("fallback remembered: deep insert + one dimension batch").isEqualTo(2);

        BcPurchaseInvoice reread = client.purchaseInvoice(first.id()).block(TIMEOUT);
        assertThat(reread.lines()).allSatisfy(l -> assertThat(l.dimensions()).hasSize(3));
    }

    @Test
    void creditMemoForANegativeProcoreInvoicePostsWithItsOwnSeries() {
        PurchaseCreditMemoDraft draft = new PurchaseCreditMemoDraft(null, "V1010", "cm-77", LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-01"), null, List.of(new PurchaseInvoiceLineDraft("Credit for returned rebar",
                "5120", BigDecimal.ONE, new BigDecimal("1200.00"), BcTestSupport.dims("2024-002", "05-100", "M"))));
        BcPurchaseCreditMemo memo = client.createPurchaseCreditMemo(draft).block(TIMEOUT);
        client.postPurchaseCreditMemo(memo.id()).block(TIMEOUT);
        BcPurchaseCreditMemo posted = client.purchaseCreditMemo(memo.id()).block(TIMEOUT);
        assertThat(posted.status()).isEqualTo("Open");
        assertThat(posted.number()).isEqualTo("PPCM-109001");
        assertThat(sandbox.company().postedPurchaseCreditMemos("CM-77")).hasSize(1);
        assertThat(sandbox.company().generalLedgerEntries("CM-77").get(0).get("creditAmount").decimalValue())
                .isEqualByComparingTo("1200.00");
    }
}
