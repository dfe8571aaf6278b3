package io.mlconnector.mapping.flow;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.MongoHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** mlc.mapping.documents counts what the accountants' queue sees: mapped, parked, skipped, per tenant and type. */
class MappingOutcomesAreCountedTest {

    @Test
    void mappedAndParkedDocumentsMoveTheirCounters() {
        try (MongoHarness harness = new MongoHarness().seeded()) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            CostDocumentListener listener = new CostDocumentListener(harness.processor, meters, null);

            listener.onCostDocument(Docs.requisition("7300101", line("1", "03-300", "S", "1000.00", "100.00")));
            listener.onCostDocument(Docs.directCost("invoice", "7400103", line("1", "99-900", "P", "250.00")));

            assertThat(meters.counter("mlc.mapping.documents", "tenant", "harbor-ridge", "type", "REQUISITION",
                    "outcome", "mapped").count()).isEqualTo(1.0);
            assertThat(meters.counter("mlc.mapping.documents", "tenant", "harbor-ridge", "type", "DIRECT_COST",
                    "outcome", "parked").count()).isEqualTo(1.0);
            assertThat(harness.output.postingRequests).hasSize(1);
            assertThat(harness.output.exceptions).hasSize(1);
        }
    }
}
