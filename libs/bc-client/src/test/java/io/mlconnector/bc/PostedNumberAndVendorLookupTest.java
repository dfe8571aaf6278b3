package io.mlconnector.bc;

import static io.mlconnector.bc.BcTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls the poster needs to keep the vendor's own invoice number in Vendor Invoice No.: a comment line that
 * marks its document, a lookup by vendor + number with the lines, and the posted number within the post request.
 */
class PostedNumberAndVendorLookupTest {

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

    private static PurchaseInvoiceDraft invoice(String vendorNumber, String vendorInvoiceNumber, String marker) {
        List<PurchaseInvoiceLineDraft> lines = new ArrayList<>();
        lines.add(new PurchaseInvoiceLineDraft("Concrete pour level 2", "5120", BigDecimal.ONE, new BigDecimal("100.00"),
                List.of()));
        lines.add(PurchaseInvoiceLineDraft.comment(marker));
        return new PurchaseInvoiceDraft(null, vendorNumber, vendorInvoiceNumber, LocalDate.parse("2026-09-15"),
                LocalDate.parse("2026-09-15"), null, lines);
    }

    @Test
    void postingAndReadingThePostedNumberIsOneRequest() {
        BcPurchaseInvoice draft = client.createPurchaseInvoice(invoice("V1010", "INV-77", "Procore RQ-1-AA")).block(TIMEOUT);
        long before = counter.calls();

        String number = client.postPurchaseInvoiceReadingNumber(draft.id()).block(TIMEOUT);

        assertThat(counter.calls() - before).as("post + read in one $batch").isEqualTo(1);
        assertThat(number).isEqualTo("PPI-108001").isNotEqualTo(draft.number());
        assertThat(client.purchaseInvoice(draft.id()).block(TIMEOUT).number()).isEqualTo(number);
    }

    @Test
    void aRefusedPostFailsWithBcsMessageAndReadsNothing() {
        BcPurchaseInvoice first = client.createPurchaseInvoice(invoice("V1010", "INV-78", "a")).block(TIMEOUT);
        client.postPurchaseInvoiceReadingNumber(first.id()).block(TIMEOUT);
        BcPurchaseInvoice second = client.createPurchaseInvoice(invoice("V1010", "inv-78", "b")).block(TIMEOUT);

        assertThatThrownBy(() -> client.postPurchaseInvoiceReadingNumber(second.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.bcMessage()).isEqualTo("Purchase Invoice INV-78 already exists for this vendor.");
                });
    }

    @Test
    void theLookupIsPerVendorAndCarriesTheCommentLine() {
        client.createPurchaseInvoice(invoice("V1010", "INV-79", "Procore RQ-1-AA")).block(TIMEOUT);
        client.createPurchaseInvoice(invoice("V1140", "INV-79", "Procore DC-2-BB")).block(TIMEOUT);

        List<BcPurchaseInvoice> found = client.findPurchaseInvoices(null, "v1010", " inv-79 ").collectList().block(TIMEOUT);

        assertThat(found).singleElement().satisfies(invoice -> {
            assertThat(invoice.vendorNumber()).isEqualTo("V1010");
            assertThat(invoice.lines()).extracting(BcDocumentLine::lineType).containsExactly("Account", "Comment");
            assertThat(invoice.lines().get(1).description()).isEqualTo("Procore RQ-1-AA");
        });
        UUID apex = found.get(0).vendorId();
        assertThat(client.findPurchaseInvoices(apex, null, "INV-79").collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void creditMemosToo() {
        PurchaseInvoiceDraft lines = invoice("V1140", "CM-5", "Procore DC-3-CC");
        BcPurchaseCreditMemo draft = client.createPurchaseCreditMemo(new PurchaseCreditMemoDraft(null, "V1140", "CM-5",
                lines.invoiceDate(), lines.postingDate(), null, lines.lines())).block(TIMEOUT);

        assertThat(client.postPurchaseCreditMemoReadingNumber(draft.id()).block(TIMEOUT)).isEqualTo("PPCM-109001");
        assertThat(client.findPurchaseCreditMemos(null, "V1140", "cm-5").collectList().block(TIMEOUT))
                .singleElement().satisfies(memo -> assertThat(memo.isDraft()).isFalse());
    }
}
