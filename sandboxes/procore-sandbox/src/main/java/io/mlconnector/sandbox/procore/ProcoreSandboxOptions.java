package io.mlconnector.sandbox.procore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sandbox starts. Defaults follow Procore's documentation where it gives a number and stay generous where
 * Procore publishes no number (hourly budget, spike budget, page sizes: all unconfirmed, so all configurable).
 *
 * @param port              0 = ephemeral
 * @param dataDir           folder with clients.json, companies.json, companies/... (see README)
 * @param clock             drives token expiry, rate-limit windows and updated_at stamps of mutations
 * @param tokenLifetime     expires_in of issued tokens (Procore: 5400 s)
 * @param defaultPerPage    v1 page size when per_page is absent (unconfirmed for most v1 endpoints; 100 seen in the Ruby README)
 * @param maxPerPage        v1 per_page cap (docs only advise <= 2000)
 * @param v2DefaultPerPage  v2 default page size (documented: 10)
 * @param v2MaxPerPage      v2 per_page cap (documented: 100)
 * @param hourlyLimit       requests per hourly window per (client, company)
 * @param hourlyWindow      length of the "hourly" window (configurable so tests can shrink it)
 * @param spikeLimit        requests per spike window per (client, company)
 * @param spikeWindow       spike window length (Procore: 10 s)
 * @param retryAfterOn429   whether 429 answers carry Retry-After: the real behaviour is unconfirmed (docs disagree),
 *                          so it is off by default and clients must cope with both
 * @param webhooks          webhook delivery timing and the unconfirmed resource names (see {@link WebhookOptions})
 * @param undeclaredParameters what a query parameter the endpoint does not declare gets: 400 (default) or ignored;
 *                          Procore's answer is unconfirmed (see {@link UndeclaredParameters})
 */
public record ProcoreSandboxOptions(int port, Path dataDir, Clock clock, Duration tokenLifetime,
                                    int defaultPerPage, int maxPerPage, int v2DefaultPerPage, int v2MaxPerPage,
                                    int hourlyLimit, Duration hourlyWindow, int spikeLimit, Duration spikeWindow,
                                    boolean retryAfterOn429, WebhookOptions webhooks,
                                    UndeclaredParameters undeclaredParameters) {

    public ProcoreSandboxOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(hourlyWindow, "hourlyWindow");
        Objects.requireNonNull(spikeWindow, "spikeWindow");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(undeclaredParameters, "undeclaredParameters");
        if (defaultPerPage < 1 || maxPerPage < defaultPerPage || v2DefaultPerPage < 1 || v2MaxPerPage < v2DefaultPerPage) {
            throw new IllegalArgumentException("page sizes must satisfy 1 <= default <= max");
        }
    }

    public static ProcoreSandboxOptions defaults(Path dataDir) {
        return new ProcoreSandboxOptions(0, dataDir, Clock.systemUTC(), Duration.ofSeconds(5400),
                100, 1000, 10, 100, 3600, Duration.ofHours(1), 100, Duration.ofSeconds(10), false,
                WebhookOptions.defaults(), UndeclaredParameters.REFUSE);
    }

    public ProcoreSandboxOptions withPort(int value) {
        return new ProcoreSandboxOptions(value, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withClock(Clock value) {
        return new ProcoreSandboxOptions(port, dataDir, value, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withTokenLifetime(Duration value) {
        return new ProcoreSandboxOptions(port, dataDir, clock, value, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withPaging(int defaultSize, int maxSize) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultSize, maxSize,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withV2Paging(int defaultSize, int maxSize) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                defaultSize, maxSize, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withHourlyLimit(int limit, Duration window) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, limit, window, spikeLimit, spikeWindow, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withSpikeLimit(int limit, Duration window) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, limit, window, retryAfterOn429, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withRetryAfterOn429(boolean value) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, value, webhooks, undeclaredParameters);
    }

    public ProcoreSandboxOptions withWebhooks(WebhookOptions value) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, value, undeclaredParameters);
    }

    public ProcoreSandboxOptions withUndeclaredParameters(UndeclaredParameters value) {
        return new ProcoreSandboxOptions(port, dataDir, clock, tokenLifetime, defaultPerPage, maxPerPage,
                v2DefaultPerPage, v2MaxPerPage, hourlyLimit, hourlyWindow, spikeLimit, spikeWindow, retryAfterOn429, webhooks,
                value);
    }
}
