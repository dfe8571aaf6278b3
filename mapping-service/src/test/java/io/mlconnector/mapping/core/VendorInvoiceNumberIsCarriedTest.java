package io.mlconnector.mapping.core;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.MapperHarness;
import org.junit.jupiter.api.Test;

/** The vendor's own invoice number goes to the poster untouched (the poster fits it to BC's field). */
class VendorInvoiceNumberIsCarriedTest {

    private final MapperHarness harness = new MapperHarness();

    private PostingRequest mapped(CostDocument document) {
        MappingOutcome outcome = harness.mapper().map(document);
        assertThat(outcome).isInstanceOf(MappingOutcome.Mapped.class);
        return ((MappingOutcome.Mapped) outcome).request();
    }

    @Test
    void theSubcontractorsInvoiceNumberReachesThePostingRequest() {
        CostDocument requisition = Docs.requisition("9000501", line("r1", "03-300", "S", "800.00"));
        requisition.setVendorInvoiceNumber("Apex inv. 2026/118");

        assertThat(mapped(requisition).getVendorInvoiceNumber()).isEqualTo("Apex inv. 2026/118");
    }

    @Test
    void noneInProcoreIsNoneInTheRequest() {
        assertThat(mapped(Docs.requisition("9000502", line("r1", "03-300", "S", "800.00"))).getVendorInvoiceNumber())
                .isNull();
    }
}
