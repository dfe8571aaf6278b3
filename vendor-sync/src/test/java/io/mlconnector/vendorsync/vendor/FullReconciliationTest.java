package io.mlconnector.vendorsync.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.HandMadeVendor;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guards the full reconciliation against the demo data: the BC-only vendor is created with origin_id, changed
 * vendors are updated, the blocked one turns inactive, hand-made Procore vendors are reported and never touched,
 * and an idle second run writes nothing to Procore.
 */
@ExtendWith(NoBlockingCalls.class)
class FullReconciliationTest {

    private static final String SUMMIT_SURVEY = "8f3c2a10-0000-4000-a000-000000000030";
    private static final String APEX = "8f3c2a10-0000-4000-a000-000000000001";

    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = SyncFixture.start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void firstRunCreatesUpdatesAndReportsSecondRunWritesNothing() {
        ObjectNode quickfixBefore = fx.procoreVendor(3968031).deepCopy();
        ObjectNode loneStarBefore = fx.procoreVendor(3968032).deepCopy();

        VendorSyncReport first = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(first.bcVendorsRead()).isEqualTo(30);
        assertThat(first.created()).isEqualTo(1);
        // the demo Procore vendors carry older addresses and phones than BC: all 29 linked ones get BC's
        assertThat(first.updated()).isEqualTo(29);
        assertThat(first.failures()).isEmpty();
        assertThat(first.handMade()).extracting(HandMadeVendor::procoreVendorId).containsExactly(3968031L, 3968032L);
        assertThat(fx.meter("mlc.vendorsync.vendors.handmade", "tenant", "harbor-ridge")).isEqualTo(2.0);

        ObjectNode summit = fx.procoreVendorWithOrigin(SUMMIT_SURVEY).orElseThrow();
        assertThat(summit.path("name").asString()).isEqualTo("Summit Survey Group");
        assertThat(summit.path("origin_code").asString()).isEqualTo("V1300");
        assertThat(summit.path("is_active").asBoolean()).isTrue();
        assertThat(summit.path("address").asString()).isEqualTo("5110 Industrial Way");
        assertThat(summit.path("email_address").asString()).isEqualTo("ap@summitsurvey.example.com");

        ObjectNode apex = fx.procoreVendor(3968001);
        assertThat(apex.path("origin_id").asString()).isEqualTo(APEX);
        assertThat(apex.path("address").asString()).isEqualTo("1137 Marine View Dr");
        assertThat(apex.path("city").asString()).isEqualTo("Redmond");
        assertThat(apex.path("business_phone").asString()).isEqualTo("(425) 555-0101");
        assertThat(apex.path("abbreviated_name").asString()).isEqualTo("Apex"); // not ours: untouched

        assertThat(fx.procoreVendor(3968029).path("is_active").asBoolean()).as("Delta Demolition, blocked All").isFalse();
        assertThat(fx.procoreVendor(3968031)).isEqualTo(quickfixBefore);
        assertThat(fx.procoreVendor(3968032)).isEqualTo(loneStarBefore);

        assertThat(fx.links.all("harbor-ridge").collectList().block()).hasSize(30);
        LinkedVendor summitLink = fx.links.find("harbor-ridge", UUID.fromString(SUMMIT_SURVEY)).blockOptional().orElseThrow();
        assertThat(summitLink.procoreVendorId()).isEqualTo(summit.path("id").asLong());
        assertThat(summitLink.bcVendorNumber()).isEqualTo("V1300");
        assertThat(fx.links.find("harbor-ridge", UUID.fromString("8f3c2a10-0000-4000-a000-000000000029"))
                .blockOptional().orElseThrow().active()).isFalse();

        long writesAfterFirst = fx.procoreVendorWrites();
        VendorSyncReport second = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(second.writes()).isZero();
        assertThat(second.unchanged()).isEqualTo(30);
        assertThat(second.handMade()).hasSize(2);
        assertThat(fx.procoreVendorWrites()).as("no Procore write on an idle run").isEqualTo(writesAfterFirst);
        assertThat(fx.vendorSync.lastReconciliation("harbor-ridge")).contains(second);
    }

    @Test
    void procoreDriftIsPutBackButOnlyTheDriftedVendorIsWritten() {
        fx.vendorSync.reconcile(fx.tenant).block();
        fx.procoreSandbox.data().update(io.mlconnector.sandbox.procore.Resource.VENDORS, SyncFixture.PROCORE_COMPANY,
                3968002, n -> n.put("name", "Ironline Steel (typo)"));

        VendorSyncReport report = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        assertThat(fx.procoreVendor(3968002).path("name").asString()).isEqualTo("Ironline Steel Erectors");
    }

    @Test
    void bcVendorNamedLikeAHandMadeProcoreVendorIsReportedNotDuplicated() {
        int before = fx.procoreVendors().size();
        fx.bcSandbox.company().addVendor(tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                .put("number", "V1310").put("displayName", "Quickfix Handyman LLC"));

        VendorSyncReport report = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(report.nameClashes()).singleElement().satisfies(c -> {
            assertThat(c.bcVendorNumber()).isEqualTo("V1310");
            assertThat(c.procoreVendorId()).isEqualTo(3968031L);
        });
        assertThat(fx.procoreVendors()).hasSize(before + 1); // only Summit Survey Group was created
        assertThat(fx.procoreVendor(3968031).path("origin_id").isNull()).isTrue();
        assertThat(fx.meter("mlc.vendorsync.vendors.name.clashes", "tenant", "harbor-ridge")).isEqualTo(1.0);
    }
}
