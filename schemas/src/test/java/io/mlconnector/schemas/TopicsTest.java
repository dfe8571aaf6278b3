package io.mlconnector.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void allTopicsInFlowOrderEachWithItsValueType() {
        assertThat(Topics.all()).containsExactly("procore.webhook-events", "bc.webhook-events",
                "procore.cost-documents", "bc.posting-requests", "bc.posting-results", "mapping.exceptions", "bc.purchase-orders",
                "vendor.links");
        assertThat(Topics.compacted(Topics.VENDOR_LINKS)).isTrue();
        assertThat(Topics.compacted(Topics.PROCORE_COST_DOCUMENTS)).isFalse();
        assertThat(Topics.valueType(Topics.PROCORE_COST_DOCUMENTS)).isEqualTo(CostDocument.class);
        assertThat(Topics.valueSubject(Topics.PROCORE_COST_DOCUMENTS)).isEqualTo("procore.cost-documents-value");
        assertThatThrownBy(() -> Topics.valueType("procore.cost-document")).hasMessageContaining("Not a connector topic");
    }
}
