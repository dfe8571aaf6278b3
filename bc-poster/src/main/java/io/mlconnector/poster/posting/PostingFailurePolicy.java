package io.mlconnector.poster.posting;

import io.mlconnector.bc.FailureKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * What happens to a posting when BC answers with an error, as one visible table (the BC client has already
 * retried throttling and transient failures with back-off before the error reaches here).
 * <pre>
 *   BUSINESS_RULE   (closed period, blocked vendor, duplicate invoice…)  -> PARK: a person must act; BC's message kept
 *   NOT_FOUND       (company, vendor or account gone)                    -> PARK
 *   CONFLICT        (someone changed the record meanwhile)               -> RETRY: re-read and try again
 *   TRANSIENT, THROTTLED (still failing after the client's retries)      -> RETRY later, FAILED when attempts run out
 *   AUTHENTICATION, AUTHORIZATION (app removed, permission set missing)  -> RETRY later, FAILED when attempts run out
 *   BAD_REQUEST     (the connector sent something BC cannot read)        -> FAIL: an operator must look
 * </pre>
 */
public final class PostingFailurePolicy {

    public enum Decision { PARK, RETRY, FAIL }

    private static final Map<FailureKind, Decision> TABLE = new EnumMap<>(Map.of(
            FailureKind.BUSINESS_RULE, Decision.PARK,
            FailureKind.NOT_FOUND, Decision.PARK,
            FailureKind.CONFLICT, Decision.RETRY,
            FailureKind.TRANSIENT, Decision.RETRY,
            FailureKind.THROTTLED, Decision.RETRY,
            FailureKind.AUTHENTICATION, Decision.RETRY,
            FailureKind.AUTHORIZATION, Decision.RETRY,
            FailureKind.BAD_REQUEST, Decision.FAIL));

    private PostingFailurePolicy() {
    }

    public static Decision decide(FailureKind kind) {
        return TABLE.getOrDefault(kind, Decision.FAIL);
    }
}
