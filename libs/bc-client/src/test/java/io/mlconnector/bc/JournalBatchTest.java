package io.mlconnector.bc;

import static io.mlconnector.bc.BcTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Journal lines go through transactional $batch: few requests, and all or nothing. */
class JournalBatchTest {

    private BcSandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BcClient start(boolean nestedAccepted) {
        sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().acceptNestedDimensionSetLines(nestedAccepted).build());
        return BcTestSupport.client(sandbox);
    }

    /** 50 cost lines (debit 5110) each balanced by a line on the clearing account 2140: sum zero. */
    private static List<JournalLineDraft> hundredLines(String externalDocumentNumber) {
        List<JournalLineDraft> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            BigDecimal amount = new BigDecimal("100.00").add(BigDecimal.valueOf(i));
            lines.add(new JournalLineDraft("5110", LocalDate.parse("2026-10-15"), "PRC-TS-1001", externalDocumentNumber,
                    amount, "Labor week 42 #" + i, null, BcTestSupport.dims("2024-001", "01-100", "L")));
            lines.add(new JournalLineDraft("2140", LocalDate.parse("2026-10-15"), "PRC-TS-1001", externalDocumentNumber,
                    amount.negate(), "Labor week 42 #" + i, null, BcTestSupport.dims("2024-001", "01-100", "L")));
        }
        return lines;
    }

    @Test
    void hundredLinesWithThreeDimensionsEachTakeOneRequestAndPostToTheLedger() {
        BcClient client = start(true);
        BcJournal journal = client.journal("procore").block(TIMEOUT);
        sandbox.clearRequestLog();

        List<BcJournalLine> added = client.addJournalLines(journal.id(), hundredLines("tms-42")).block(TIMEOUT);

        assertThat(sandbox.apiCallCount()).as("requests for 100 lines incl. 300 dimension assignments").isLessThanOrEqualTo(3)
                .isEqualTo(1);
        assertThat(added).hasSize(100);
        assertThat(client.journalLines(journal.id(), "TMS-42").collectList().block(TIMEOUT))
                .hasSize(100).allSatisfy(l -> assertThat(l.dimensions()).hasSize(3));

        client.postJournal(journal.id()).block(TIMEOUT);
        List<JsonNode> ledger = sandbox.company().generalLedgerEntries("TMS-42");
        assertThat(ledger).hasSize(100);
        assertThat(ledger.get(0).get("dimensionSetLines")).hasSize(3);
        assertThat(sandbox.company().journalLines("PROCORE")).isEmpty();
    }

    @Test
    void linesOfOnePostingCanBeTakenOutOfTheSharedBatch() {
        BcClient client = start(true);
        BcJournal journal = client.journal("PROCORE").block(TIMEOUT);
        client.addJournalLines(journal.id(), hundredLines("keep-me")).block(TIMEOUT);
        List<BcJournalLine> mine = client.addJournalLines(journal.id(), hundredLines("remove-me")).block(TIMEOUT);

        client.deleteJournalLines(journal.id(), mine.stream().map(BcJournalLine::id).toList()).block(TIMEOUT);

        assertThat(client.journalLines(journal.id(), "REMOVE-ME").collectList().block(TIMEOUT)).isEmpty();
        assertThat(client.journalLines(journal.id(), "KEEP-ME").collectList().block(TIMEOUT)).hasSize(100);
    }

    @Test
    void postedJournalLinesAreFoundByTheirDocumentNumberInTheLedger() {
        BcClient client = start(true);
        BcJournal journal = client.journal("PROCORE").block(TIMEOUT);
        assertThat(client.hasGeneralLedgerEntries("PRC-TS-1001").block(TIMEOUT)).isFalse();

        client.addJournalLines(journal.id(), hundredLines("tms-43")).block(TIMEOUT);
        assertThat(client.hasGeneralLedgerEntries("PRC-TS-1001").block(TIMEOUT)).as("not posted yet").isFalse();

        client.postJournal(journal.id()).block(TIMEOUT);
        assertThat(client.hasGeneralLedgerEntries("prc-ts-1001").block(TIMEOUT)).isTrue();
        assertThat(client.hasGeneralLedgerEntries("PRC-TS-9999").block(TIMEOUT)).isFalse();
    }

    @Test
    void withoutNestedDimensionsTheLinesBatchIsFollowedByDimensionBatchesOfAtMostHundred() {
        BcClient client = start(false);
        BcJournal journal = client.journal("PROCORE").block(TIMEOUT);
        sandbox.clearRequestLog();

        client.addJournalLines(journal.id(), hundredLines("TMS-43")).block(TIMEOUT);

        // refused nested batch (rolled back) + lines batch + 3 dimension batches (300 assignments / 100)
        assertThat(sandbox.apiCallCount()).isEqualTo(5);
        assertThat(sandbox.company().journalLines("PROCORE")).hasSize(100)
                .allSatisfy(l -> assertThat(l.get("dimensionSetLines")).hasSize(3));

        sandbox.clearRequestLog();
        client.addJournalLines(journal.id(), hundredLines("TMS-44")).block(TIMEOUT);
        assertThat(sandbox.apiCallCount()).as("fallback remembered: 1 lines batch + 3 dimension batches").isEqualTo(4);
    }

    @Test
    void oneBadLineRollsBackTheWholeSnapshotBatch() {
        BcClient client = start(true);
        BcJournal journal = client.journal("PROCORE").block(TIMEOUT);
        List<JournalLineDraft> lines = new ArrayList<>(hundredLines("TMS-45").subList(0, 4));
        lines.add(2, new JournalLineDraft("5190", LocalDate.parse("2026-10-15"), "PRC-TS-1002", "TMS-45",
                BigDecimal.TEN, "obsolete account", null, List.of()));

        assertThatThrownBy(() -> client.addJournalLines(journal.id(), lines).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.bcMessage()).contains("operation 3 of 5").contains("rolled back");
                });
        assertThat(sandbox.company().journalLines("PROCORE")).as("no lines left behind").isEmpty();
    }

    @Test
    void unbalancedAndEmptyJournalsAreRefused() {
        BcClient client = start(true);
        BcJournal journal = client.journal("PROCORE").block(TIMEOUT);
        assertThatThrownBy(() -> client.postJournal(journal.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> assertThat(e.bcMessage()).isEqualTo("There is nothing to post."));
        client.addJournalLines(journal.id(), hundredLines("TMS-46").subList(0, 3)).block(TIMEOUT);
        assertThatThrownBy(() -> client.postJournal(journal.id()).block(TIMEOUT))
                .isInstanceOfSatisfying(BcApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BUSINESS_RULE);
                    assertThat(e.bcMessage()).contains("is out of balance by 101.00");
                });
        assertThat(sandbox.company().generalLedgerEntries()).isEmpty();
        assertThat(sandbox.company().journalLines("PROCORE")).hasSize(3);
    }
}
