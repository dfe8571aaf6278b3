package io.mlconnector.bc;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BC refused or failed a request. Carries BC's {@code error.code} and message (branch on {@link #kind()} or
 * {@link #code()}, never the text: it is localized), the correlation id support asks for, and the policy decision.
 */
public final class BcApiException extends RuntimeException {

    private static final Pattern CORRELATION = Pattern.compile("CorrelationId:\\s*([0-9a-fA-F-]{36})");

    private final int status;
    private final String code;
    private final String bcMessage;
    private final String correlationId;
    private final FailureKind kind;
    private final BcFailurePolicy.Action action;
    private final Duration retryAfter;

    public BcApiException(int status, String code, String message, String correlationId, Duration retryAfter) {
        this(status, code, message, correlationId, retryAfter, BcFailurePolicy.classify(status, code));
    }

    private BcApiException(int status, String code, String message, String correlationId, Duration retryAfter,
                           BcFailurePolicy.Rule rule) {
        super("BC answered HTTP " + status + " " + code + ": " + message
                + (rule.action() == BcFailurePolicy.Action.FAIL_SPLIT_WORK
                ? " (the request timed out in BC: split the work into smaller requests or batches)" : ""));
        this.status = status;
        this.code = code;
        this.bcMessage = message;
        this.correlationId = correlationId;
        this.kind = rule.kind();
        this.action = rule.action();
        this.retryAfter = retryAfter;
    }

    static BcApiException of(int status, String code, String message, Duration retryAfter) {
        String correlation = null;
        String text = message == null ? "" : message;
        Matcher m = CORRELATION.matcher(text);
        if (m.find()) {
            correlation = m.group(1);
            String rest = text.substring(m.end());
            rest = rest.startsWith(".") ? rest.substring(1) : rest;
            text = (text.substring(0, m.start()).trim() + " " + rest.trim()).trim();
        }
        return new BcApiException(status, code == null || code.isBlank() ? "Unknown" : code, text, correlation, retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** BC's message without the trailing correlation id. */
    public String bcMessage() {
        return bcMessage;
    }

    public String correlationId() {
        return correlationId;
    }

    public FailureKind kind() {
        return kind;
    }

    public BcFailurePolicy.Action action() {
        return action;
    }

    /** Retry-After sent with the answer, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
