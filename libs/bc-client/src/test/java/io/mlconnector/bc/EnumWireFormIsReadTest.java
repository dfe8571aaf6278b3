package io.mlconnector.bc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Enum values as BC 2024 wave 1 and later write them (encoded member names) and as older versions did (captions) read
 * the same: a vendor whose {@code blocked} is {@code "_x0020_"} is not blocked, {@code "Payment"} does not stop
 * invoices, {@code "All"} does (Microsoft Learn, vendor resource type: blocked " ", Payment, All).
 */
class EnumWireFormIsReadTest {

    private static final String VENDOR = """
            {"@odata.etag":"W/\\"JzE5OzgxNjQ3NjAxMTg0MjQ1NTc4MDgxOzAwOyc=\\"","id":"8f3c2a10-0000-4000-a000-000000000001",
             "number":"V1010","displayName":"Apex Concrete Inc.","addressLine1":"1137 Marine View Dr","addressLine2":"",
             "city":"Redmond","state":"WA","country":"US","postalCode":"98052","phoneNumber":"","email":"","website":"",
             "taxRegistrationNumber":"","currencyId":"00000000-0000-0000-0000-000000000000","currencyCode":"",
             "irs1099Code":"","paymentTermsId":"00000000-0000-0000-0000-000000000000",
             "paymentMethodId":"00000000-0000-0000-0000-000000000000","taxLiable":false,"blocked":"%s","balance":0,
             "lastModifiedDateTime":"2026-08-15T12:00:00Z"}""";

    private static BcVendor vendor(String blocked) {
        return BcVendor.from(BcJson.parse(VENDOR.formatted(blocked)));
    }

    @Test
    void blankBlockedInWireFormIsNotBlocked() {
        assertThat(vendor("_x0020_").blocked()).isEqualTo(VendorBlocking.NONE);
        assertThat(vendor("_x0020_").blocksInvoices()).isFalse();
        assertThat(vendor(" ").blocked()).as("the caption, before BC24").isEqualTo(VendorBlocking.NONE);
    }

    @Test
    void paymentBlockDoesNotStopInvoicesAndAllDoes() {
        assertThat(vendor("Payment").blocksInvoices()).isFalse();
        assertThat(vendor("Payment").blocksPaymentsOnly()).isTrue();
        assertThat(vendor("All").blocksInvoices()).isTrue();
    }

    @Test
    void accountEnumsAreDecoded() {
        BcAccount heading = BcAccount.from(BcJson.parse("""
                {"@odata.etag":"W/\\"JzE4OzE=\\"","id":"3c1d0000-0000-4000-8000-000000005000","number":"5000",
                 "displayName":"Job Costs","category":"Cost_x0020_of_x0020_Goods_x0020_Sold","subCategory":"",
                 "blocked":false,"accountType":"Begin_x002D_Total","directPosting":false,"netChange":0,
                 "lastModifiedDateTime":"2026-01-02T08:00:00Z"}"""));

        assertThat(heading.category()).isEqualTo("Cost of Goods Sold");
        assertThat(heading.accountType()).isEqualTo("Begin-Total");
        assertThat(heading.acceptsDirectCostPosting()).isFalse();
        assertThat(BcEnums.decode("Prod_x002E__x0020_Order")).isEqualTo("Prod. Order");
        assertThat(BcEnums.decode("Posting")).isEqualTo("Posting");
    }
}
