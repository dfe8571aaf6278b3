package io.mlconnector.sandbox.procore;

import java.time.Duration;
import java.time.Instant;

/**
 * One delivery attempt, as Procore's delivery record describes it (Procore docs: webhooks-api: event, outcome
 * ok/retried/discarded, response_status, response_error, started_at, completed_at).
 *
 * @param attempt        1 for the first try of this event to this hook, 2 for its first retry, ...
 * @param outcome        {@code ok} (2xx), {@code retried} (failed, will be retried), {@code discarded} (the URL failed
 *                       for longer than {@link WebhookOptions#discardAfter()}; never sent again)
 * @param responseStatus the HTTP status, 0 when there was none (no connection, timeout, discarded)
 * @param changedAt      when the record changed (real time), so {@code completedAt - changedAt} is the delivery latency
 */
public record WebhookDelivery(long eventId, String ulid, long hookId, String destinationUrl, String resourceName,
                              long resourceId, String eventType, Long projectId, int attempt, String outcome,
                              int responseStatus, String responseError, Instant changedAt, Instant startedAt,
                              Instant completedAt, String payload) {

    public boolean ok() {
        return "ok".equals(outcome);
    }

    /** Change to answer: the delay, the queue ahead of it, any retries and the receiver's time. */
    public Duration latency() {
        return Duration.between(changedAt, completedAt);
    }
}
