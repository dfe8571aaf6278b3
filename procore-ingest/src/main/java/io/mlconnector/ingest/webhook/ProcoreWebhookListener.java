package io.mlconnector.ingest.webhook;

import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.ingest.sync.TenantSync;
import io.mlconnector.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Turns verified Procore webhook events into reads: the named record is fetched and published if its
 * content changed (so a duplicate delivery publishes nothing); a delete event confirms the record is gone and
 * publishes it once as deleted; a line event re-reads that document type of the project incrementally.
 */
public final class ProcoreWebhookListener {

    private static final Logger log = LoggerFactory.getLogger(ProcoreWebhookListener.class);

    private final IngestService ingest;
    private final TenantSync sync;
    private final java.util.Map<String, io.mlconnector.ingest.sync.CostDocumentReader> readers;

    public ProcoreWebhookListener(IngestService ingest, TenantSync sync,
                                  java.util.Map<String, io.mlconnector.ingest.sync.CostDocumentReader> readers) {
        this.ingest = ingest;
        this.sync = sync;
        this.readers = readers;
    }

    @KafkaListener(topics = Topics.PROCORE_WEBHOOK_EVENTS, groupId = "procore-ingest",
            properties = "avro.value.type=io.mlconnector.events.ProcoreWebhookEvent")
    public void onEvent(ProcoreWebhookEvent event) {
        var tenant = ingest.tenants().byId(event.getTenantId());
        var trigger = WebhookTriggers.of(event.getResourceName(), event.getEventType());
        if (tenant.isEmpty() || trigger.isEmpty() || event.getProjectId() == null) {
            log.debug("webhook {} {} for {} needs no read", event.getResourceName(), event.getEventType(), event.getTenantId());
            return;
        }
        if (trigger.get().deletion()) {
            long id = Long.parseLong(event.getResourceId());
            Boolean published = sync.syncDeleted(tenant.get(), readers.get(trigger.get().type().name()),
                    event.getProjectId(), id).block();
            log.info("webhook {} delete {}: {}", event.getResourceName(), id,
                    Boolean.TRUE.equals(published) ? "published as deleted" : "no change");
        } else if (trigger.get().recordItself()) {
            long id = Long.parseLong(event.getResourceId());
            Boolean published = sync.syncOne(tenant.get(), readers.get(trigger.get().type().name()),
                    event.getProjectId(), id).block();
            log.info("webhook {} {} {}: {}", event.getResourceName(), event.getEventType(), id,
                    Boolean.TRUE.equals(published) ? "new version published" : "no change");
        } else {
            ingest.syncTenant(tenant.get().id(), false).block();
        }
    }
}
