package io.mlconnector.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.SourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentRevisionsTest {

    static CostDocument document(String amount, Instant updatedAt, Instant observedAt) {
        CostDocumentLine line = CostDocumentLine.newBuilder().setLineId("74001011").setDescription("Rebar")
                .setAmount(new BigDecimal(amount)).setRetainageAmount(new BigDecimal("0.00")).build();
        return ContentRevisions.stamp(CostDocument.newBuilder().setTenantId("harbor-ridge")
                .setSourceType(SourceType.DIRECT_COST).setSourceId("7400101").setContentRevision("")
                .setCompanyId(5001234L).setProjectId(2001001L).setStatus("approved").setApproved(true)
                .setTotalAmount(new BigDecimal(amount)).setRetainageAmount(new BigDecimal("0.00")).setLines(List.of(line))
                .setSourceUpdatedAt(updatedAt).setObservedAt(observedAt).build());
    }

    static final Instant UPDATED = Instant.parse("2026-10-18T19:00:00Z");
    static final Instant OBSERVED = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void equalContentGivesEqualRevisions() {
        CostDocument a = document("1000.20", UPDATED, OBSERVED);
        CostDocument b = document("1000.20", UPDATED, OBSERVED);

        assertThat(a.getContentRevision()).hasSize(64).isEqualTo(b.getContentRevision());
    }

    @Test
    void aTouchThatChangesOnlyUpdatedAtKeepsTheRevision() {
        CostDocument read = document("1000.20", UPDATED, OBSERVED);
        CostDocument touched = document("1000.20", UPDATED.plusSeconds(3600), OBSERVED.plusSeconds(7200));

        assertThat(touched.getContentRevision()).isEqualTo(read.getContentRevision());
    }

    @Test
    void anAmountChangeGivesANewRevision() {
        CostDocument read = document("1000.20", UPDATED, OBSERVED);
        CostDocument changed = document("1000.21", UPDATED, OBSERVED);

        assertThat(changed.getContentRevision()).isNotEqualTo(read.getContentRevision());
    }

    /**
     * The revision this document had before CostDocument gained vendorInvoiceNumber (schema v1, computed by
     * re-encoding under v1 through Avro schema resolution). If a new optional field changed it, every document
     * already posted would come back as "changed in Procore after it was posted".
     */
    @Test
    void anOptionalFieldAddedToTheSchemaLeavesExistingRevisionsAlone() {
        assertThat(document("1000.20", UPDATED, OBSERVED).getContentRevision())
                .isEqualTo("86a86e18d2ae981189ceb03cfe32996184d383184da394c4a63fc16b0d9de50d");
    }

    @Test
    void aVendorInvoiceNumberIsContent() {
        CostDocument without = document("1000.20", UPDATED, OBSERVED);
        CostDocument with = ContentRevisions.stamp(CostDocument.newBuilder(without).setVendorInvoiceNumber("RLS-1184").build());
        CostDocument corrected = ContentRevisions.stamp(CostDocument.newBuilder(without).setVendorInvoiceNumber("RLS-1185").build());

        assertThat(with.getContentRevision()).isNotEqualTo(without.getContentRevision())
                .isNotEqualTo(corrected.getContentRevision());
    }
}
