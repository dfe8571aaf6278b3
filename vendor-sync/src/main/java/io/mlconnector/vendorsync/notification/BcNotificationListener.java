package io.mlconnector.vendorsync.notification;

import io.mlconnector.events.BcNotification;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code bc.webhook-events} (published by the webhook-gateway after the clientState check). A failure
 * (BC or Procore unreachable) is thrown, so the container's error handler retries the record with back-off;
 * the handling is idempotent, so a retry or a replay of the topic writes nothing twice.
 */
public final class BcNotificationListener {

    private final NotificationHandler handler;
    private final RecordDecoder decoder;

    public BcNotificationListener(NotificationHandler handler, RecordDecoder decoder) {
        this.handler = handler;
        this.decoder = decoder;
    }

    /** The record as consumed (raw bytes, so a failure dead-letters exactly what came in). */
    @KafkaListener(topics = Topics.BC_WEBHOOK_EVENTS, groupId = "vendor-sync")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        onNotification(decoder.value(record, BcNotification.class));
    }

    public void onNotification(BcNotification notification) {
        // a Kafka listener thread, not an event loop: it waits for the whole handling, so everything the notification
        // changed is stored before the offset is committed, and a failure is retried (or dead-lettered) first
        handler.handle(notification).block();
    }
}
