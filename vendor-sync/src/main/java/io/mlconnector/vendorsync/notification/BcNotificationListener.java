package io.mlconnector.vendorsync.notification;

import io.mlconnector.events.BcNotification;
import io.mlconnector.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code bc.webhook-events} (published by the webhook-gateway after the clientState check). A failure
 * (BC or Procore unreachable) is thrown, so the container's error handler retries the record with back-off;
 * the handling is idempotent, so a retry or a replay of the topic writes nothing twice.
 */
public final class BcNotificationListener {

    private final NotificationHandler handler;

    public BcNotificationListener(NotificationHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(topics = Topics.BC_WEBHOOK_EVENTS, groupId = "vendor-sync",
            properties = "avro.value.type=io.mlconnector.events.BcNotification")
    public void onNotification(BcNotification notification) {
        handler.handle(notification);
    }
}
