package io.mlconnector.vendorsync.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.VendorLinkOrigin;
import io.mlconnector.vendorsync.SyncFixture;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * mapping-service used to write its manual vendor links into vendor-sync's {@code vendor_links} collection with its
 * own {@code _id} scheme and no BC vendor id: the next reconciliation failed with a null pointer, and a link for a
 * Procore vendor vendor-sync had linked too hit the unique index. vendor-sync now owns the collection and takes such
 * documents over as manual links (an upgrade keeps the accountants' links).
 */
@ExtendWith(NoBlockingCalls.class)
class MappingWrittenVendorLinksDoNotBreakReconciliationTest {

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
    void aLinkOfAHandMadeVendorSavedThroughTheMappingApiIsTakenOverAsAManualLink() {
        // BC has the vendor the accountant linked the hand-made Procore vendor to
        String quickfixBcId = fx.bcSandbox.company().addVendor(tools.jackson.databind.json.JsonMapper.builder().build()
                .createObjectNode().put("number", "V1310").put("displayName", "Quickfix Handyman LLC"))
                .path("id").asString();
        mappingServiceSavedLink(3968031L, "v1310");
        int before = fx.procoreVendors().size();

        VendorSyncReport report = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(report.failures()).isEmpty();
        assertThat(report.nameClashes()).as("linked, so no clash").isEmpty();
        assertThat(fx.procoreVendors()).as("only Summit Survey Group was created").hasSize(before + 1);
        assertThat(fx.procoreVendor(3968031).path("origin_id").asString()).isEqualTo(quickfixBcId);
        assertThat(fx.procoreVendor(3968031).path("origin_code").asString()).isEqualTo("V1310");
        LinkedVendor link = fx.links.findByProcoreVendor("harbor-ridge", 3968031L).blockOptional().orElseThrow();
        assertThat(link.bcVendorId()).isEqualTo(UUID.fromString(quickfixBcId));
        assertThat(link.linkedBy()).isEqualTo(VendorLinkOrigin.MANUAL);
        assertThat(fx.links.legacyLinks("harbor-ridge").collectList().block()).isEmpty();
        assertThat(fx.publishedLink(3968031L)).hasValueSatisfying(e -> {
            assertThat(e.getBcVendorNumber()).isEqualTo("V1310");
            assertThat(e.getLinkedBy()).isEqualTo(VendorLinkOrigin.MANUAL);
        });

        VendorSyncReport second = fx.vendorSync.reconcile(fx.tenant).block();
        assertThat(second.writes()).as("idle afterwards").isZero();
    }

    @Test
    void aLinkOfAVendorThatVendorSyncLinksTooIsUpdatedNotRefusedByTheUniqueIndex() {
        mappingServiceSavedLink(3968001L, "V1010"); // Apex Concrete, which vendor-sync links by origin_id as well

        VendorSyncReport report = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(report.failures()).isEmpty();
        assertThat(fx.links.all("harbor-ridge").collectList().block()).filteredOn(l -> l.procoreVendorId() == 3968001L).singleElement()
                .satisfies(l -> assertThat(l.bcVendorNumber()).isEqualTo("V1010"));
        assertThat(fx.links.legacyLinks("harbor-ridge").collectList().block()).isEmpty();
        assertThat(fx.links.all("harbor-ridge").collectList().block()).hasSize(30);
        assertThat(fx.links.unpublished("harbor-ridge").collectList().block()).as("every link is on vendor.links").isEmpty();
    }

    /** What mapping-service's MongoVendorLinkStore.put wrote before vendor-sync owned the collection. */
    private void mappingServiceSavedLink(long procoreVendorId, String bcVendorNumber) {
        reactor.core.publisher.Mono.from(fx.db.getCollection(VendorLinkStore.COLLECTION).insertOne(new Document("_id", "harbor-ridge|" + procoreVendorId)
                .append("tenantId", "harbor-ridge").append("procoreVendorId", procoreVendorId)
                .append("bcVendorNumber", bcVendorNumber.toUpperCase(java.util.Locale.ROOT))
                .append("updatedAt", new Date()))).block();
    }
}
