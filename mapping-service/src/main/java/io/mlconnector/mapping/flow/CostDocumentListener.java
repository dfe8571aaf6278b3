package io.mlconnector.mapping.flow;

import io.mlconnector.events.CostDocument;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/** Maps every cost document from {@code procore.cost-documents}; the offset is committed after the outcome is out. */
public final class CostDocumentListener {

    private final CostDocumentProcessor processor;

    public CostDocumentListener(CostDocumentProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(topics = Topics.PROCORE_COST_DOCUMENTS, groupId = "mapping-service",
            properties = "avro.value.type=io.mlconnector.events.CostDocument")
    public void onCostDocument(CostDocument document) {
        processor.process(document);
    }
}
