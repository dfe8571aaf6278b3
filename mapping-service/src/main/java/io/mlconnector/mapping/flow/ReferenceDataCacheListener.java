package io.mlconnector.mapping.flow;

import io.mlconnector.events.BcNotification;
import io.mlconnector.mapping.config.ReferenceDataRefresh;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.RecordDecoder;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Every replica keeps its own cache of BC reference data, so every replica must hear that accounts, dimensions or
 * vendors changed: this listener reads {@code bc.webhook-events} in a consumer group of its own per process
 * ({@link #groupId()}), from the newest record on (a process that starts has an empty cache). The re-drive of parked
 * documents stays with {@link ReferenceDataChangeListener}, in a group shared by all replicas, so it runs once.
 * Groups of stopped processes hold no members; Kafka drops their offsets after {@code offsets.retention.minutes}.
 */
public final class ReferenceDataCacheListener {

    private final ReferenceDataRefresh refresh;
    private final RecordDecoder decoder;
    private final String groupId = "mapping-service-reference-data-cache-" + UUID.randomUUID();

    public ReferenceDataCacheListener(ReferenceDataRefresh refresh, RecordDecoder decoder) {
        this.refresh = refresh;
        this.decoder = decoder;
    }

    /** This process's own group: one per replica, new at every start. */
    public String groupId() {
        return groupId;
    }

    @KafkaListener(topics = Topics.BC_WEBHOOK_EVENTS, groupId = "#{__listener.groupId()}",
            properties = "auto.offset.reset=latest")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        onNotification(decoder.value(record, BcNotification.class));
    }

    public void onNotification(BcNotification notification) {
        if (ReferenceDataRefresh.concernsMapping(notification.getResource())) {
            refresh.dropCache(notification.getTenantId());
        }
    }
}
