package io.mlconnector.sandbox.bc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Predicate;

/** Scripted failures for API calls: the next N matching requests answer 429/500/503/504 (and so on). */
final class FaultInjector {

    private static final class Fault {
        final int status;
        int remaining;
        final Predicate<String> paths;

        Fault(int status, int remaining, Predicate<String> paths) {
            this.status = status;
            this.remaining = remaining;
            this.paths = paths;
        }
    }

    private final Deque<Fault> faults = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;

    synchronized void failNext(int count, int status, Predicate<String> paths) {
        faults.addLast(new Fault(status, count, paths));
    }

    synchronized void clear() {
        faults.clear();
        latency = Duration.ZERO;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    Duration latency() {
        return latency;
    }

    /** The injected error for this path, if a fault applies (and uses one of its shots). */
    synchronized BcError next(String pathAndQuery, String retryAfterSeconds) {
        for (Fault f : faults) {
            if (f.remaining > 0 && f.paths.test(pathAndQuery)) {
                f.remaining--;
                if (f.remaining == 0) {
                    faults.remove(f);
                }
                return error(f.status, retryAfterSeconds);
            }
        }
        return null;
    }

    private static BcError error(int status, String retryAfter) {
        return switch (status) {
            case 429 -> new BcError(429, "Application_TooManyRequests",
                    "Too many requests reached. Please retry after the time given in the Retry-After header.",
                    Map.of("Retry-After", retryAfter));
            case 500 -> new BcError(500, "Internal_ServerError", "An unexpected error occurred on the server (injected).");
            case 502 -> new BcError(502, "Internal_ServerError", "Bad gateway (injected).");
            case 503 -> new BcError(503, "Internal_TenantUnavailable", "The tenant is temporarily unavailable (injected).",
                    Map.of("Retry-After", retryAfter));
            case 504 -> new BcError(504, "GatewayTimeout", "The operation timed out at the gateway (injected).");
            case 408 -> new BcError(408, "RequestTimeout", "The operation took longer than the allowed time (injected).");
            default -> new BcError(status, "Internal_ServerError", "Injected failure " + status + ".");
        };
    }
}
