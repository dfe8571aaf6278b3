package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BC refuses to post a second purchase invoice (credit memo) with a Vendor Invoice No. (Vendor Cr. Memo No.) the
 * vendor already has on a posted one; drafts do not count, other vendors do not count. On by default, as in
 * standard BC; a company setting turns it off.
 */
class DuplicateVendorInvoiceNumberIsRefusedAtPostingTest {

    private static final String C = "companies(" + SandboxHttp.COMPANY + ")/";
    private BcSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        sandbox = BcSandbox.start(BcSandboxOptions.demo());
        http = new SandboxHttp(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String draft(String set, String vendor, String numberField, String number) throws Exception {
        String lines = set.equals("purchaseInvoices") ? "purchaseInvoiceLines" : "purchaseCreditMemoLines";
        SandboxHttp.Answer created = http.call("POST", C + set, "{\"vendorNumber\":\"" + vendor + "\",\"" + numberField
                + "\":\"" + number + "\",\"postingDate\":\"2026-10-15\",\"" + lines + "\":[{\"lineType\":\"Account\","
                + "\"lineObjectNumber\":\"5120\",\"quantity\":1,\"unitCost\":100}]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private SandboxHttp.Answer post(String set, String id) throws Exception {
        return http.call("POST", C + set + "(" + id + ")/Microsoft.NAV.post", null);
    }

    @Test
    void aSecondPostedInvoiceWithTheSameNumberForTheSameVendorIsRefused() throws Exception {
        String first = draft("purchaseInvoices", "V1010", "vendorInvoiceNumber", "INV-500");
        String second = draft("purchaseInvoices", "V1010", "vendorInvoiceNumber", "inv-500");
        String otherVendor = draft("purchaseInvoices", "V1140", "vendorInvoiceNumber", "INV-500");

        assertThat(post("purchaseInvoices", first).status()).as("another draft with the number does not block").isEqualTo(204);
        SandboxHttp.Answer refused = post("purchaseInvoices", second);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("message").asString())
                .startsWith("Purchase Invoice INV-500 already exists for this vendor.");
        assertThat(post("purchaseInvoices", otherVendor).status()).as("the check is per vendor").isEqualTo(204);
    }

    @Test
    void creditMemosAreCheckedOnTheirOwnNumber() throws Exception {
        assertThat(post("purchaseCreditMemos", draft("purchaseCreditMemos", "V1140", "vendorCreditMemoNumber", "CM-9"))
                .status()).isEqualTo(204);
        assertThat(post("purchaseCreditMemos", draft("purchaseCreditMemos", "V1140", "vendorCreditMemoNumber", "CM-9"))
                .json().get("error").get("message").asString()).startsWith("Purchase Credit Memo CM-9 already exists");
    }

    @Test
    void aCompanyWithoutTheCheckPostsBoth() throws Exception {
        sandbox.company().setCheckDuplicateVendorDocumentNo(false);
        assertThat(post("purchaseInvoices", draft("purchaseInvoices", "V1010", "vendorInvoiceNumber", "INV-501")).status())
                .isEqualTo(204);
        assertThat(post("purchaseInvoices", draft("purchaseInvoices", "V1010", "vendorInvoiceNumber", "INV-501")).status())
                .isEqualTo(204);
    }
}
