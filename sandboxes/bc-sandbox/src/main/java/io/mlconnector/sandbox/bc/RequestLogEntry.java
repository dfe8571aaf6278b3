package io.mlconnector.sandbox.bc;

import java.time.Duration;
import java.time.Instant;

/** One HTTP request the sandbox answered (token requests included; $batch counts once). */
public record RequestLogEntry(Instant time, String method, String pathAndQuery, int status, Duration duration) {

    /** True for calls to the BC API (not the Entra token endpoint). */
    public boolean isApiCall() {
        return pathAndQuery.startsWith("/v2.0/");
    }
}
