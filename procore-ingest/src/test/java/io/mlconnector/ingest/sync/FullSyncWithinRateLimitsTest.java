package io.mlconnector.ingest.sync;

import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.sandbox.procore.LoggedRequest;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A full sync of the demo data against a Procore sandbox whose spike and "hourly" limits are far below what the
 * sync needs: the client paces itself from the X-Rate-Limit-* headers, so no request is ever refused, and the
 * requests visibly spread over several windows. A 429 that happens anyway is waited out, never a failed cycle.
 */
@ExtendWith(NoBlockingCalls.class)
class FullSyncWithinRateLimitsTest {

    // the "hourly" window is shrunk so the test takes seconds; both windows bind during the sync (~80 calls)
    static final int SPIKE_LIMIT = 12;
    static final Duration SPIKE_WINDOW = Duration.ofSeconds(1);
    static final int HOURLY_LIMIT = 40;
    static final Duration HOURLY_WINDOW = Duration.ofSeconds(3);

    @Test
    void fullSyncUnderLowLimitsGetsNo429AndSpreadsItsRequestsOverTheWindows() {
        ProcoreSandboxOptions limited = ProcoreSandboxOptions.defaults(IngestFixture.DEMO_DATA)
                .withSpikeLimit(SPIKE_LIMIT, SPIKE_WINDOW)
                .withHourlyLimit(HOURLY_LIMIT, HOURLY_WINDOW);
        try (IngestFixture fixture = IngestFixture.start(limited)) {
            SyncReport report = fixture.sync();

            assertThat(report.read()).isEqualTo(IncrementalReconciliationTest.DEMO_COUNTS);
            // each document read is listed once, by type and id, with the revision read (the local run's summary
            // follows each one through the pipeline)
            assertThat(report.readDocuments()).hasSize(
                    (int) report.read().values().stream().mapToLong(Long::longValue).sum())
                    .allSatisfy(d -> assertThat(d.contentRevision()).isNotBlank())
                    .extracting(d -> d.type() + " " + d.sourceId()).doesNotHaveDuplicates();
            List<LoggedRequest> calls = fixture.apiRequests();
            assertThat(calls).as("more calls than one hourly window allows, so pacing had to work")
                    .hasSizeGreaterThan(HOURLY_LIMIT);
            assertThat(calls).as("zero 429s").noneMatch(r -> r.status() == 429).allMatch(r -> r.status() == 200);
            assertThat(perWindow(calls, SPIKE_WINDOW).values()).allMatch(n -> n <= SPIKE_LIMIT);
            Map<Long, Long> hourly = perWindow(calls, HOURLY_WINDOW);
            assertThat(hourly.values()).allMatch(n -> n <= HOURLY_LIMIT);
            assertThat(hourly).as("requests spread over the windows").hasSizeGreaterThanOrEqualTo(
                    (calls.size() + HOURLY_LIMIT - 1) / HOURLY_LIMIT);
            assertThat(fixture.meters.counter(IngestMetrics.PROCORE_THROTTLED, "tenant", fixture.tenant.id()).count())
                    .isZero();
        }
    }

    @Test
    void a429IsWaitedOutAndTheCycleStillCompletes() {
        // the injected 429 names the spike window's reset; a 1-s window keeps the wait short
        ProcoreSandboxOptions shortWindow = IngestFixture.unthrottled(IngestFixture.DEMO_DATA)
                .withSpikeLimit(1_000_000, Duration.ofSeconds(1));
        try (IngestFixture fixture = IngestFixture.start(shortWindow)) {
            fixture.sandbox.faults().failNext(3, 429);

            SyncReport report = fixture.sync();

            assertThat(report.read()).isEqualTo(IncrementalReconciliationTest.DEMO_COUNTS);
            assertThat(report.published()).isEqualTo(IncrementalReconciliationTest.DEMO_COUNTS);
            assertThat(fixture.apiRequests()).filteredOn(r -> r.status() == 429).hasSize(3);
            assertThat(fixture.meters.counter(IngestMetrics.PROCORE_THROTTLED, "tenant", fixture.tenant.id()).count())
                    .isEqualTo(3);
            assertThat(fixture.topic.readNew()).hasSize(75);
        }
    }

    /** Requests per fixed window, windows aligned to multiples of their length as the sandbox counts them. */
    static Map<Long, Long> perWindow(List<LoggedRequest> calls, Duration window) {
        return calls.stream().collect(Collectors.groupingBy(r -> r.at().toEpochMilli() / window.toMillis(),
                TreeMap::new, Collectors.counting()));
    }
}
