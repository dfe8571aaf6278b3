package io.mlconnector.mapping.flow;

import io.mlconnector.events.CostDocument;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.MappingOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/** Maps every cost document from {@code procore.cost-documents}; the offset is committed after the outcome is out. */
public final class CostDocumentListener {

    private final CostDocumentProcessor processor;
    private final MeterRegistry meters;

    public CostDocumentListener(CostDocumentProcessor processor, MeterRegistry meters) {
        this.processor = processor;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.PROCORE_COST_DOCUMENTS, groupId = "mapping-service",
            properties = "avro.value.type=io.mlconnector.events.CostDocument")
    public void onCostDocument(CostDocument document) {
        MappingOutcome outcome = processor.process(document);
        // mlc.mapping.documents{tenant,type,outcome=mapped|parked|skipped}: what the accountants' queue looks like
        meters.counter("mlc.mapping.documents", "tenant", document.getTenantId(),
                "type", document.getSourceType().name(), "outcome", outcomeName(outcome)).increment();
    }

    static String outcomeName(MappingOutcome outcome) {
        return outcome instanceof MappingOutcome.Mapped ? "mapped"
                : outcome instanceof MappingOutcome.Parked ? "parked" : "skipped";
    }
}
