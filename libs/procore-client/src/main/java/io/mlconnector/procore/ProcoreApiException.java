package io.mlconnector.procore;

/**
 * Procore refused a request for a reason retrying won't fix (4xx other than 429, a 401 that survived one
 * token refresh, or a 5xx after the retries ran out). Carries the x-request-id for Procore support.
 */
public final class ProcoreApiException extends RuntimeException {

    private final int status;
    private final String path;
    private final String requestId;

    public ProcoreApiException(int status, String path, String message, String requestId) {
        super("Procore " + status + " on " + path + (message == null || message.isBlank() ? "" : ": " + message)
                + (requestId == null ? "" : " (x-request-id " + requestId + ")"));
        this.status = status;
        this.path = path;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String path() {
        return path;
    }

    public String requestId() {
        return requestId;
    }

    /** 404: absent, or not visible to this app (Procore answers 404 rather than 403 for unreadable records). */
    public boolean notFound() {
        return status == 404;
    }

    /** 403: project not permitted, tool disabled, or the app was disconnected from the company. */
    public boolean forbidden() {
        return status == 403;
    }
}
