package io.mlconnector.sandbox.bc;

import java.time.Instant;

/** One notification POST the sandbox made to a subscriber; status -1 = no answer. */
public record NotificationDelivery(Instant time, String notificationUrl, String body, int status) {
}
