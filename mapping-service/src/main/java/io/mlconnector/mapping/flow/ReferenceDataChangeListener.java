package io.mlconnector.mapping.flow;

import io.mlconnector.events.BcNotification;
import io.mlconnector.mapping.config.ReferenceDataRefresh;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * BC said accounts, dimensions or vendors changed: drop the tenant's cached reference data and re-drive its
 * parked documents (an unblocked account or a new dimension value may let them post). Its own consumer group,
 * so it sees every BC notification whatever else consumes the topic.
 */
public final class ReferenceDataChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataChangeListener.class);

    private final ReferenceDataRefresh refresh;
    private final RecordDecoder decoder;

    public ReferenceDataChangeListener(ReferenceDataRefresh refresh, RecordDecoder decoder) {
        this.refresh = refresh;
        this.decoder = decoder;
    }

    @KafkaListener(topics = Topics.BC_WEBHOOK_EVENTS, groupId = "mapping-service-reference-data")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        onNotification(decoder.value(record, BcNotification.class));
    }

    public void onNotification(BcNotification notification) {
        if (ReferenceDataRefresh.concernsMapping(notification.getResource())) {
            log.info("BC reference data changed for {} ({} {}): re-driving parked documents",
                    notification.getTenantId(), notification.getChangeType(), notification.getResource());
            refresh.referenceDataChanged(notification.getTenantId()).block(); // a listener thread waits for its record
        }
    }
}
