package io.mlconnector.sandbox.procore;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox delivers webhooks. Procore's real figures (Procore docs: webhooks): 5 s timeout,
 * retries backing off exponentially from 1 s up to 1 h, the URL's queue discarded after 12 h of failure. The sandbox
 * defaults keep the timeout but retry fast, so a test sees a recovery within seconds.
 *
 * @param deliveryDelay            time between a change and its first delivery attempt (Procore queues events too)
 * @param timeout                  connect + answer timeout of one delivery (Procore: 5 s)
 * @param retryBase                first back-off after a failed attempt; doubles per failure
 * @param retryMax                 back-off cap
 * @param discardAfter             a URL failing this long has its whole queue discarded (Procore: 12 h)
 * @param requisitionsResourceName the webhook resource name of requisitions: unconfirmed (docs/api-facts.md),
 *                                 so configurable; "Requisitions" by default
 */
public record WebhookOptions(Duration deliveryDelay, Duration timeout, Duration retryBase, Duration retryMax,
                             Duration discardAfter, String requisitionsResourceName) {

    public WebhookOptions {
        Objects.requireNonNull(deliveryDelay, "deliveryDelay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(discardAfter, "discardAfter");
        if (requisitionsResourceName == null || requisitionsResourceName.isBlank()) {
            throw new IllegalArgumentException("requisitionsResourceName is required");
        }
        if (retryBase.isZero() || retryBase.isNegative() || retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("back-off must satisfy 0 < retryBase <= retryMax");
        }
    }

    /** Sandbox defaults: 100 ms delay, Procore's 5 s timeout, retries 200 ms doubling to 5 s, discard after 10 min. */
    public static WebhookOptions defaults() {
        return new WebhookOptions(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofMinutes(10), "Requisitions");
    }

    /** Procore's own published timing (slow: for a realistic soak, not for tests). */
    public static WebhookOptions procoreTiming() {
        return new WebhookOptions(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofHours(12), "Requisitions");
    }

    public WebhookOptions withDeliveryDelay(Duration value) {
        return new WebhookOptions(value, timeout, retryBase, retryMax, discardAfter, requisitionsResourceName);
    }

    public WebhookOptions withTimeout(Duration value) {
        return new WebhookOptions(deliveryDelay, value, retryBase, retryMax, discardAfter, requisitionsResourceName);
    }

    public WebhookOptions withRetry(Duration base, Duration max) {
        return new WebhookOptions(deliveryDelay, timeout, base, max, discardAfter, requisitionsResourceName);
    }

    public WebhookOptions withDiscardAfter(Duration value) {
        return new WebhookOptions(deliveryDelay, timeout, retryBase, retryMax, value, requisitionsResourceName);
    }

    public WebhookOptions withRequisitionsResourceName(String value) {
        return new WebhookOptions(deliveryDelay, timeout, retryBase, retryMax, discardAfter, value);
    }
}
