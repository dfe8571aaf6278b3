package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.local.RunSummary.Accounted;
import io.mlconnector.local.RunSummary.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the summary's promise: the totals posted + waiting + skipped + failed are printed against the documents read
 * and the line says they agree only when they do; when they differ the gap is named, never hidden. Waiting and
 * skipped documents are listed by place with their reasons, and API calls that disagree with the sandboxes' logs are
 * reported with the difference.
 */
class SummaryNamesTheGapWhenDocumentsAreUnaccountedTest {

    private static final List<Accounted> FOUR = List.of(
            new Accounted("REQUISITION", "1", "RQ-1", Outcome.POSTED, "Business Central",
                    List.of("posted in this run as PURCHASE_INVOICE 108001")),
            new Accounted("DIRECT_COST", "2", "INV-2", Outcome.WAITING, "mapping-service",
                    List.of("COST_CODE_NOT_MAPPED: cost code 99-900 has no rule")),
            new Accounted("COMMITMENT", "3", "SC-3", Outcome.WAITING, "Procore",
                    List.of("status 'Draft' is not approved for posting; it posts once approved in Procore")),
            new Accounted("DIRECT_COST", "4", null, Outcome.SKIPPED, "mapping-service",
                    List.of("deleted or voided in Procore")));

    @Test
    void equalTotalsAreSaidToAgreeAndEachWaitingDocumentSaysWhereAndWhy() {
        RunSummary summary = summary(Map.of("REQUISITION", 1L, "DIRECT_COST", 2L, "COMMITMENT", 1L), FOUR,
                Map.of(ApiCallTally.PROCORE, 3L));
        String text = summary.toText();
        assertThat(text).contains("1 posted + 2 waiting + 1 skipped + 0 failed = 4 = documents read: every document"
                + " read is accounted for");
        assertThat(text).contains("at mapping-service (fix the mapping rule or vendor link; it re-drives by itself): 1")
                .contains("DIRECT_COST 2 (INV-2)").contains("COST_CODE_NOT_MAPPED: cost code 99-900 has no rule")
                .contains("in Procore (its status is not approved yet): 1")
                .contains("by mapping-service's rules: 1").contains("deleted or voided in Procore");
        assertThat(text).contains("procore-ingest -> Procore: 3\n      list projects 2, token 1\n")
                .contains("Procore: 3 sent, the same 3 in the sandbox's request log");
        assertThat(summary.exitCode()).isZero();
    }

    @Test
    void aDifferenceIsNamedNotHidden() {
        RunSummary summary = summary(Map.of("REQUISITION", 2L, "DIRECT_COST", 2L, "COMMITMENT", 1L), FOUR,
                Map.of(ApiCallTally.PROCORE, 5L));
        String text = summary.toText();
        assertThat(text).contains("= 4 but 5 documents were read: 1 reads were of a document already read in this sync")
                .doesNotContain("every document read is accounted for");
        assertThat(text).contains("Procore: 3 sent; the sandbox's request log has 5 (2 sent by something other than"
                + " the five services)");
    }

    @Test
    void aFailedDocumentFailsTheRun() {
        List<Accounted> failed = List.of(new Accounted("REQUISITION", "1", null, Outcome.FAILED, "bc-poster",
                List.of("BC answered 500 three times; the posting is retried on the next run")));
        RunSummary summary = summary(Map.of("REQUISITION", 1L), failed, Map.of());
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(summary.toText()).contains("failed:  1").contains("BC answered 500 three times");
    }

    private static RunSummary summary(Map<String, Long> read, List<Accounted> documents, Map<String, Long> logged) {
        return new RunSummary(read, Map.of(), Map.of("PURCHASE_INVOICE", 1L), List.of(), List.of(), 0, 1,
                Map.of(), 10, documents,
                Map.of("procore-ingest", Map.of(ApiCallTally.PROCORE, Map.of("token", 1L, "list projects", 2L))),
                logged);
    }
}
