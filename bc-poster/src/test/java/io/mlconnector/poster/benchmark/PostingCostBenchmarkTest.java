package io.mlconnector.poster.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.poster.testbed.PosterProcess;
import io.mlconnector.poster.testbed.PosterTestBed;
import io.mlconnector.poster.testbed.PostingRequests;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.bc.RequestLogEntry;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * BC calls per purchase invoice (lines and line dimensions included) and per 100 journal lines, counted from the
 * sandbox's own request log, plus invoices per second on loopback. Run with
 * {@code mvn -pl bc-poster test -Dgroups=benchmark -DexcludedGroups=}. Two BC modes: nested dimensionSetLines
 * accepted (sandbox default) and refused (unconfirmed on real BC, docs/api-facts.md: the client falls back to
 * separate $batch requests for the dimensions).
 */
@Tag("benchmark")
class PostingCostBenchmarkTest {

    private static final int INVOICES = 50;
    private static final int JOURNALS = 10;
    private static final int JOURNAL_LINES = 100;

    @Test
    void nestedDimensionsAccepted() {
        measure("nested dimensionSetLines accepted", true);
    }

    @Test
    void nestedDimensionsRefused() {
        measure("nested dimensionSetLines refused", false);
    }

    private void measure(String mode, boolean nested) {
        try (PosterTestBed bed = PosterTestBed.start(BcSandboxOptions.builder().demoData()
                .acceptNestedDimensionSetLines(nested))) {
            // production default: the posted number is read in the post's $batch (mlc.poster.posted-number-read)
            PosterProcess poster = bed.process(bed.freshDatabase(), PosterTestBed.clientOptions()
                    .withLineDimensions(BcClientOptions.LineDimensions.AUTO), document -> document);
            poster.post(PostingRequests.requisition()); // warm-up: token, connections, JIT, AUTO learns the mode
            poster.post(PostingRequests.commitment(JOURNAL_LINES));

            bed.bc.clearRequestLog();
            long started = System.nanoTime();
            for (int i = 0; i < INVOICES; i++) {
                assertThat(poster.post(PostingRequests.requisition()).getOutcome()).isEqualTo(PostingOutcome.POSTED);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<RequestLogEntry> invoiceCalls = bed.apiCalls();
            long writes = invoiceCalls.stream().filter(c -> !c.method().equals("GET")).count();

            bed.bc.clearRequestLog();
            for (int i = 0; i < JOURNALS; i++) {
                PostingRequest journal = PostingRequests.commitment(JOURNAL_LINES);
                assertThat(poster.post(journal).getOutcome()).isEqualTo(PostingOutcome.POSTED);
                assertThat(bed.bc.company().generalLedgerEntries(journal.getPostingKey())).hasSize(2 * JOURNAL_LINES);
            }
            List<RequestLogEntry> journalCalls = bed.apiCalls();

            System.out.printf(Locale.ROOT, "%n[bc-poster benchmark: %s]%n", mode);
            System.out.printf(Locale.ROOT, "  purchase invoice (3 lines, 3+3+1 line dimensions): %.2f BC calls each"
                            + " (%.2f writes + %.2f reads; the posted number is read inside the post's $batch), %d invoices in %.2f s"
                            + " = %.1f invoices/s on loopback%n",
                    invoiceCalls.size() / (double) INVOICES, writes / (double) INVOICES,
                    (invoiceCalls.size() - writes) / (double) INVOICES, INVOICES, seconds, INVOICES / seconds);
            System.out.printf(Locale.ROOT, "  journal (100 lines, 3 dimensions each): %.2f BC calls per 100 lines"
                    + " over %d journals%n", journalCalls.size() / (double) JOURNALS, JOURNALS);
        }
    }
}
