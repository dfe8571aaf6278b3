package io.mlconnector.bc;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * The one table of what the client does with each kind of BC failure (Microsoft Learn, "API limits in Dynamics 365
 * Business Central" and "Troubleshooting API errors": retry 429/503 after Retry-After, do not blindly repeat a request
 * that timed out but split it). Rules are tried top to bottom; the first match wins. resilience4j consults it: the
 * client's {@code Retry} retries the {@code RETRY_*} actions (see {@link BcResilience}), and the {@code CircuitBreaker}
 * counts the retryable TRANSIENT rows as failures of BC.
 */
public final class BcFailurePolicy {

    /** What the client does after the failure. */
    public enum Action {
        /** Wait for Retry-After (or exponential backoff with jitter), then retry; safe for every method. */
        RETRY_HONOURING_RETRY_AFTER,
        /** Exponential backoff with jitter, only for idempotent requests (GET, PATCH/DELETE with If-Match). */
        RETRY_WITH_BACKOFF,
        /** Do not retry: the request took too long; split the work into smaller requests or batches. */
        FAIL_SPLIT_WORK,
        FAIL
    }

    public record Rule(String when, BiPredicate<Integer, String> matches, FailureKind kind, Action action) {
    }

    public static final List<Rule> RULES = List.of(
            rule("429 Too Many Requests", (s, c) -> s == 429, FailureKind.THROTTLED, Action.RETRY_HONOURING_RETRY_AFTER),
            rule("503 Service Unavailable", (s, c) -> s == 503, FailureKind.TRANSIENT, Action.RETRY_HONOURING_RETRY_AFTER),
            rule("504 Gateway Timeout / 408 Request Timeout", (s, c) -> s == 504 || s == 408, FailureKind.TRANSIENT,
                    Action.FAIL_SPLIT_WORK),
            rule("Internal_TenantUnavailable / Internal_ServerError",
                    (s, c) -> c.equals("Internal_TenantUnavailable") || c.equals("Internal_ServerError"),
                    FailureKind.TRANSIENT, Action.RETRY_WITH_BACKOFF),
            rule("500 / 502", (s, c) -> s == 500 || s == 502, FailureKind.TRANSIENT, Action.RETRY_WITH_BACKOFF),
            rule("401 / Authentication_*", (s, c) -> s == 401 || c.startsWith("Authentication_"),
                    FailureKind.AUTHENTICATION, Action.FAIL),
            rule("403 / Authorization_*", (s, c) -> s == 403 || c.startsWith("Authorization_"),
                    FailureKind.AUTHORIZATION, Action.FAIL),
            rule("Request_EntityChanged / 409 / 412", (s, c) -> c.equals("Request_EntityChanged") || s == 409 || s == 412,
                    FailureKind.CONFLICT, Action.FAIL),
            rule("Internal_EntityWithSameKeyExists", (s, c) -> c.equals("Internal_EntityWithSameKeyExists"),
                    FailureKind.CONFLICT, Action.FAIL),
            rule("Application_* (AL business rules)", (s, c) -> c.startsWith("Application_"),
                    FailureKind.BUSINESS_RULE, Action.FAIL),
            rule("Internal_InvalidTableRelation (points to a missing record)",
                    (s, c) -> c.equals("Internal_InvalidTableRelation"), FailureKind.BUSINESS_RULE, Action.FAIL),
            rule("404 / *NotFound", (s, c) -> s == 404 || c.endsWith("NotFound"), FailureKind.NOT_FOUND, Action.FAIL),
            rule("other 4xx", (s, c) -> s >= 400 && s < 500, FailureKind.BAD_REQUEST, Action.FAIL),
            rule("other 5xx / no answer", (s, c) -> true, FailureKind.TRANSIENT, Action.RETRY_WITH_BACKOFF));

    private BcFailurePolicy() {
    }

    private static Rule rule(String when, BiPredicate<Integer, String> matches, FailureKind kind, Action action) {
        return new Rule(when, matches, kind, action);
    }

    public static Rule classify(int status, String code) {
        String c = code == null ? "" : code;
        return RULES.stream().filter(r -> r.matches().test(status, c)).findFirst().orElseThrow();
    }
}
