package io.mlconnector.mapping.flow;

import io.mlconnector.events.CostDocument;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.MappingOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Maps every cost document from {@code procore.cost-documents}; the offset is committed after the outcome is out. */
public final class CostDocumentListener {

    private final CostDocumentProcessor processor;
    private final MeterRegistry meters;
    private final RecordDecoder decoder;

    public CostDocumentListener(CostDocumentProcessor processor, MeterRegistry meters, RecordDecoder decoder) {
        this.processor = processor;
        this.meters = meters;
        this.decoder = decoder;
    }

    /** The record as consumed (raw bytes, so a failure dead-letters exactly what came in). */
    @KafkaListener(topics = Topics.PROCORE_COST_DOCUMENTS, groupId = "mapping-service")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        onCostDocument(decoder.value(record, CostDocument.class));
    }

    public void onCostDocument(CostDocument document) {
        if (document.getTenantId() == null || document.getTenantId().isBlank()
                || document.getSourceId() == null || document.getSourceId().isBlank()) {
            // tenant and source id make the document's identity (exception key, posting key): without them nothing
            // can be mapped, parked or re-driven, and no retry supplies them
            throw new io.mlconnector.service.kafka.BadRecordException("cost document " + document.getSourceType()
                    + " '" + document.getSourceId() + "' of tenant '" + document.getTenantId()
                    + "' has no tenant or no source id; it cannot be mapped");
        }
        // a Kafka listener thread, not an event loop: it waits for this record's whole processing, so a failure is
        // retried (or dead-lettered) before the offset is committed
        MappingOutcome outcome = processor.process(document).block();
        // mlc.mapping.documents{tenant,type,outcome=mapped|parked|skipped}: what the accountants' queue looks like
        meters.counter("mlc.mapping.documents", "tenant", document.getTenantId(),
                "type", document.getSourceType().name(), "outcome", outcomeName(outcome)).increment();
    }

    static String outcomeName(MappingOutcome outcome) {
        return outcome instanceof MappingOutcome.Mapped ? "mapped"
                : outcome instanceof MappingOutcome.Parked ? "parked" : "skipped";
    }
}
