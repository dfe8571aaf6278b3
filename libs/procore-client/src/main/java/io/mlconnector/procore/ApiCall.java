package io.mlconnector.procore;

import java.time.Duration;

/** One HTTP exchange with the Procore API (retries and the re-sent request after a 401 count separately). */
public record ApiCall(String method, String path, int status, Duration duration) {
}
