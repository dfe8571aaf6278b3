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
                "bc.webhook-subscriptions", "vendor.links");
        assertThat(Topics.isCompacted(Topics.VENDOR_LINKS)).isTrue();
        assertThat(Topics.valueType(Topics.PROCORE_COST_DOCUMENTS)).isEqualTo(CostDocument.class);
        assertThat(Topics.valueSubject(Topics.PROCORE_COST_DOCUMENTS)).isEqualTo("procore.cost-documents-value");
        assertThat(Topics.isCompacted(Topics.BC_WEBHOOK_SUBSCRIPTIONS)).isTrue();
        assertThat(Topics.isCompacted(Topics.PROCORE_COST_DOCUMENTS)).isFalse();
        assertThatThrownBy(() -> Topics.valueType("procore.cost-document")).hasMessageContaining("Not a connector topic");
    }

    @Test
    void eachTopicsDeadLetterTopicIsNamedHereAndLeadsBack() {
        assertThat(Topics.deadLetterOf(Topics.PROCORE_COST_DOCUMENTS)).isEqualTo("procore.cost-documents.dlt");
        assertThat(Topics.isDeadLetter("procore.cost-documents.dlt")).isTrue();
        assertThat(Topics.isDeadLetter(Topics.PROCORE_COST_DOCUMENTS)).isFalse();
        assertThat(Topics.sourceOfDeadLetter(Topics.deadLetterOf(Topics.BC_POSTING_REQUESTS)))
                .isEqualTo(Topics.BC_POSTING_REQUESTS);
        assertThatThrownBy(() -> Topics.sourceOfDeadLetter(Topics.BC_POSTING_REQUESTS))
                .hasMessageContaining("is not a dead-letter topic");
    }
}
