package io.mlconnector.gateway.http;

import org.springframework.http.HttpStatus;

/**
 * Every reason a Procore delivery is refused, and the status it earns. Procore treats any non-2xx as "retry later"
 * and pauses the URL (Procore docs: webhooks), so only faults the sender cannot fix by retrying get a 4xx, and
 * transient ones on our side ({@link #UNAVAILABLE}) a 503. BC notifications never get these statuses (see
 * {@code BcWebhookHandler}); their reasons are only counted.
 */
public enum Rejection {
    MISSING_TOKEN(HttpStatus.UNAUTHORIZED, "missing_token"),
    WRONG_TOKEN(HttpStatus.UNAUTHORIZED, "wrong_token"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body_too_large"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed_json"),
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "invalid_field"),
    UNSUPPORTED_VERSION(HttpStatus.BAD_REQUEST, "unsupported_api_version"),
    COMPANY_MISMATCH(HttpStatus.BAD_REQUEST, "company_mismatch"),
    /** A method other than the ones the path serves; answered with an {@code Allow} header (RFC 9110 §15.5.6). */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed"),
    /** Kafka or the dedupe store did not answer in time: the sender retries, so nothing is lost. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable");

    private final HttpStatus status;
    private final String code;

    Rejection(HttpStatus status, String code) {
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable, lowercase: used in the JSON answer and as the metrics tag. */
    public String code() {
        return code;
    }
}
