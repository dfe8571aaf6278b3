package io.mlconnector.vendorsync.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.VendorLinkOrigin;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Linked;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Reason;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/** A person links a Procore vendor to a BC vendor through vendor-sync, the links' only owner. */
@ExtendWith(NoBlockingCalls.class)
class ManualVendorLinkTest {

    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = SyncFixture.start();
        fx.vendorSync.reconcile(fx.tenant).block();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void linkingAnAlreadyLinkedVendorMovesTheLinkWithoutAUniqueIndexError() {
        String pumpingId = fx.bcSandbox.company().addVendor(JsonMapper.builder().build().createObjectNode()
                .put("number", "V1320").put("displayName", "Apex Concrete Pumping")).path("id").asString();

        LinkRequestOutcome outcome = fx.vendorSync.link(fx.tenant, 3968001L, "V1320").block();

        assertThat(outcome).isInstanceOfSatisfying(Linked.class, linked -> {
            assertThat(linked.previousBcVendorNumber()).contains("V1010");
            assertThat(linked.changed()).isTrue();
            assertThat(linked.link().linkedBy()).isEqualTo(VendorLinkOrigin.MANUAL);
        });
        assertThat(fx.procoreVendor(3968001).path("origin_id").asString()).isEqualTo(pumpingId);
        assertThat(fx.links.all("harbor-ridge").collectList().block()).filteredOn(l -> l.procoreVendorId() == 3968001L).singleElement()
                .satisfies(l -> assertThat(l.bcVendorNumber()).isEqualTo("V1320"));
        assertThat(fx.publishedLink(3968001L)).hasValueSatisfying(l -> assertThat(l.getBcVendorNumber()).isEqualTo("V1320"));

        // linking it again the same way changes nothing but publishes the link once more (a re-drive for the asker)
        int published = fx.publishedLinks.size();
        assertThat(fx.vendorSync.link(fx.tenant, 3968001L, "V1320").block())
                .isInstanceOfSatisfying(Linked.class, l -> assertThat(l.changed()).isFalse());
        assertThat(fx.publishedLinks).hasSize(published + 1);
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(fx.vendorSync.link(fx.tenant, 3968031L, "V9999").block()).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_BC_VENDOR);
            assertThat(r.message()).contains("V9999").contains("does not exist");
        });
        assertThat(fx.vendorSync.link(fx.tenant, 42L, "V1010").block()).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_PROCORE_VENDOR));
        assertThat(fx.vendorSync.link(fx.tenant, 3968031L, "V1010").block()).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.BC_VENDOR_LINKED_ELSEWHERE);
            assertThat(r.message()).contains("3968001");
        });
        assertThat(fx.procoreVendor(3968031).path("origin_id").isNull()).as("nothing written").isTrue();
    }
}
