package io.mlconnector.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one parse of a BC notification's resource that the gateway, vendor-sync and mapping-service share. */
class BcNotificationResourceTest {

    private static final String COMPANY = "5a1e0000-0000-4000-8000-0000000c0001";

    @Test
    void aRecordResourceNamesCompanySetAndKey() {
        assertThat(BcNotificationResource.parse("api/v2.0/companies(" + COMPANY + ")/vendors(8f3c2a10-0000-4000-a000-000000000002)"))
                .hasValueSatisfying(r -> {
                    assertThat(r.companyUuid()).contains(UUID.fromString(COMPANY));
                    assertThat(r.collection()).isEqualTo("vendors");
                    assertThat(r.recordUuid()).contains(UUID.fromString("8f3c2a10-0000-4000-a000-000000000002"));
                    assertThat(r.modifiedSince()).isEmpty();
                });
    }

    @Test
    void aCollectionResourceCarriesItsLowerBoundEvenWithAnOffset() {
        assertThat(BcNotificationResource.parse("https://api.businesscentral.dynamics.com/v2.0/t/Production/api/v2.0/companies("
                + COMPANY + ")/purchaseInvoices?$filter=lastModifiedDateTime%20gt%202025-01-31T09:58:59.950+01:00"))
                .hasValueSatisfying(r -> {
                    assertThat(r.isWholeCollection()).isTrue();
                    assertThat(r.recordUuid()).isEmpty();
                    assertThat(r.modifiedSince()).contains(Instant.parse("2025-01-31T08:58:59.950Z"));
                });
    }

    @Test
    void quotedKeysAndGarbage() {
        assertThat(BcNotificationResource.parse("api/v2.0/subscriptions('abc')")).hasValueSatisfying(r -> {
            assertThat(r.recordKey()).isEqualTo("abc");
            assertThat(r.companyId()).isNull();
        });
        assertThat(BcNotificationResource.parse("api/v2.0/companies(" + COMPANY + ")")).isEmpty();
        assertThat(BcNotificationResource.parse("")).isEmpty();
        assertThat(BcNotificationResource.parse("api/v2.0/companies(not-a-guid)/vendors")).hasValueSatisfying(r ->
                assertThat(r.companyUuid()).isEmpty());
    }
}
