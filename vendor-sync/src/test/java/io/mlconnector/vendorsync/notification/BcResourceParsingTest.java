package io.mlconnector.vendorsync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Guards the reading of BC's notification resources (dynamics-subscriptions), incl. the percent-encoded collection filter. */
class BcResourceParsingTest {

    private static final String COMPANY = "5a1e0000-0000-4000-8000-0000000c0001";

    @Test
    void entityResourceNamesCompanySetAndId() {
        assertThat(BcResource.parse("api/v2.0/companies(" + COMPANY + ")/vendors(8f3c2a10-0000-4000-a000-000000000002)"))
                .contains(new BcResource(UUID.fromString(COMPANY), "vendors",
                        UUID.fromString("8f3c2a10-0000-4000-a000-000000000002"), null));
    }

    @Test
    void collectionResourceCarriesItsLowerBound() {
        assertThat(BcResource.parse("https://api.businesscentral.dynamics.com/v2.0/t/Production/api/v2.0/companies("
                + COMPANY + ")/vendors?$filter=lastModifiedDateTime%20gt%202025-01-31T09:58:59.950Z"))
                .hasValueSatisfying(r -> {
                    assertThat(r.entityId()).isNull();
                    assertThat(r.since()).isEqualTo(Instant.parse("2025-01-31T09:58:59.950Z"));
                });
    }

    @Test
    void collectionWithoutFilterMeansEverything() {
        assertThat(BcResource.parse("api/v2.0/companies(" + COMPANY + ")/vendors"))
                .hasValueSatisfying(r -> assertThat(r.since()).isNull());
    }

    @Test
    void garbageIsNotUnderstood() {
        assertThat(BcResource.parse("api/v2.0/companies(not-a-guid)/vendors")).isEmpty();
        assertThat(BcResource.parse(null)).isEmpty();
        assertThat(BcResource.parse("api/v2.0/companies(" + COMPANY + ")/vendors?$filter=lastModifiedDateTime gt yesterday"))
                .hasValueSatisfying(r -> assertThat(r.since()).isNull());
    }
}
