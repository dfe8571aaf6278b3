package io.mlconnector.vendorsync.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.VendorLinkOrigin;
import io.mlconnector.vendorsync.SyncFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A BC vendor deleted and re-created under the same name (written another way: case, spaces, a typographic
 * apostrophe, decomposed accents) must not become a second Procore vendor of that name: it is a link conflict for a
 * person, or a re-link when the tenant opted in.
 */
@ExtendWith(NoBlockingCalls.class)
class RecreatedBcVendorIsNotDuplicatedTest {

    private static final String FIRST_NAME = "O\u2019Brien E\u0301lectrique"; // curly apostrophe, "E" + combining acute
    private static final String RECREATED_NAME = "  o'brien \u00c9lectrique "; // straight apostrophe, composed É

    private SyncFixture fx;
    private long procoreVendorId;
    private int vendorsBefore;

    @BeforeEach
    void aVendorIsSyncedThenDeletedAndRecreatedInBc() {
        fx = SyncFixture.start();
        fx.bcSandbox.company().addVendor(JsonMapper.builder().build().createObjectNode()
                .put("number", "V1400").put("displayName", FIRST_NAME));
        fx.vendorSync.reconcile(fx.tenant).block();
        String firstId = fx.bcSandbox.company().vendor("V1400").path("id").asString();
        procoreVendorId = fx.procoreVendorWithOrigin(firstId).orElseThrow().path("id").asLong();
        vendorsBefore = fx.procoreVendors().size();

        fx.bcSandbox.company().deleteVendor("V1400");
        fx.bcSandbox.company().addVendor(JsonMapper.builder().build().createObjectNode()
                .put("number", "V1410").put("displayName", RECREATED_NAME));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aConflictIsReportedAndNoSecondProcoreVendorIsCreated() {
        VendorSyncReport report = fx.vendorSync.reconcile(fx.tenant).block();

        assertThat(report.created()).isZero();
        assertThat(fx.procoreVendors()).as("no second Procore vendor").hasSize(vendorsBefore);
        assertThat(report.linkConflicts()).singleElement().satisfies(c -> {
            assertThat(c.bcVendorNumber()).isEqualTo("V1410");
            assertThat(c.procoreVendorIds()).containsExactly(procoreVendorId);
            assertThat(c.message()).contains("no longer exists").contains("/vendor-links/" + procoreVendorId)
                    .contains("V1410").contains("relinkRecreatedVendors");
        });
        assertThat(fx.vendorSync.linkConflicts("harbor-ridge")).hasSize(1);
        assertThat(fx.meter("mlc.vendorsync.vendors.link.conflicts", "tenant", "harbor-ridge")).isEqualTo(1.0);

        // the same again on the next run: still reported, still nothing created
        assertThat(fx.vendorSync.reconcile(fx.tenant).block().linkConflicts()).hasSize(1);
        assertThat(fx.procoreVendors()).hasSize(vendorsBefore);

        // a person links them: the conflict is gone and the Procore vendor stands for the new BC vendor
        LinkRequestOutcome outcome = fx.vendorSync.link(fx.tenant, procoreVendorId, "v1410").block();
        assertThat(outcome).isInstanceOf(LinkRequestOutcome.Linked.class);
        assertThat(fx.vendorSync.linkConflicts("harbor-ridge")).isEmpty();
        String newId = fx.bcSandbox.company().vendor("V1410").path("id").asString();
        assertThat(fx.procoreVendor(procoreVendorId).path("origin_id").asString()).isEqualTo(newId);
        assertThat(fx.procoreVendor(procoreVendorId).path("is_active").asBoolean()).isTrue();
        assertThat(fx.vendorSync.reconcile(fx.tenant).block().linkConflicts()).isEmpty();
        assertThat(fx.procoreVendors()).hasSize(vendorsBefore);
    }

    @Test
    void aTenantThatOptedInGetsTheProcoreVendorReLinked() {
        VendorSyncReport report = fx.vendorSync.reconcile(fx.tenantRelinkingRecreatedVendors()).block();

        assertThat(report.created()).isZero();
        assertThat(report.relinked()).isEqualTo(1);
        assertThat(report.linkConflicts()).isEmpty();
        assertThat(fx.procoreVendors()).hasSize(vendorsBefore);
        String newId = fx.bcSandbox.company().vendor("V1410").path("id").asString();
        assertThat(fx.procoreVendor(procoreVendorId).path("origin_id").asString()).isEqualTo(newId);
        assertThat(fx.procoreVendor(procoreVendorId).path("is_active").asBoolean()).as("not deactivated").isTrue();
        assertThat(fx.publishedLink(procoreVendorId)).hasValueSatisfying(l -> {
            assertThat(l.getBcVendorNumber()).isEqualTo("V1410");
            assertThat(l.getLinkedBy()).isEqualTo(VendorLinkOrigin.RELINKED);
        });
    }
}
