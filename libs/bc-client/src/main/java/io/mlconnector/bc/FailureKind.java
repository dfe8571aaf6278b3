package io.mlconnector.bc;

/** What kind of failure a BC answer is; {@link BcFailurePolicy} maps status and error code to one of these. */
public enum FailureKind {
    /** Server or network trouble that may pass (500, 502, 503, Internal_TenantUnavailable, Internal_ServerError, 504/408). */
    TRANSIENT,
    /** 429: over the per-user speed limit or queue. */
    THROTTLED,
    /** Application_* and bad references: BC refused the data (blocked vendor, closed period, duplicate invoice…). */
    BUSINESS_RULE,
    NOT_FOUND,
    /** Request_EntityChanged (stale ETag), EntityWithSameKeyExists. */
    CONFLICT,
    AUTHENTICATION,
    AUTHORIZATION,
    /** Malformed request: a bug on our side. */
    BAD_REQUEST
}
