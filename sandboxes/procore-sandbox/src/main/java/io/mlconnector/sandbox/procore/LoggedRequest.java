package io.mlconnector.sandbox.procore;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the sandbox answered.
 *
 * @param companyHeader the Procore-Company-Id header as sent, or null when absent
 */
public record LoggedRequest(Instant at, String method, String pathAndQuery, String companyHeader, int status,
                            Duration duration) {

    public String path() {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** Method plus path with numeric segments as {id}, e.g. "GET /rest/v1.0/work_order_contracts/{id}". */
    public String family() {
        return method + " " + path().replaceAll("/\\d+(?=/|$)", "/{id}");
    }
}
