package io.mlconnector.mapping.policy;

import io.mlconnector.events.BcDocumentKind;
import java.util.List;

/**
 * Commitments (purchase orders, subcontracts) and their change orders -> a memo pair in the connector's own
 * journal batch: the committed amount on the commitment (encumbrance) account, balanced by its contra, with
 * project / cost code / cost type dimensions. Job-cost reports see committed cost; the P&L does not, because
 * the pair nets to zero. A change order posts its own approved delta (negative for a deduct), never a
 * recomputed revised total.
 */
public final class CommitmentMemoJournalStrategy implements PostingStrategy {
    @Override
    public PostingTreatment treatment() {
        return PostingTreatment.COMMITMENT_MEMO_JOURNAL;
    }

    @Override
    public LineNeeds lineNeeds() {
        return LineNeeds.DIMENSIONS_ONLY;
    }

    @Override
    public boolean needsVendor() {
        return false;
    }

    @Override
    public List<TenantAccountUse> tenantAccounts(PostingInput input) {
        return List.of(
                new TenantAccountUse(input.accounts().commitment(), "the tenant's commitment account"),
                new TenantAccountUse(input.accounts().commitmentContra(), "the tenant's commitment contra account"));
    }

    @Override
    public PostingPlan plan(PostingInput input) {
        List<PlannedLine> lines = input.lines().stream()
                .map(line -> new PlannedLine(line.source().getLineId(), Descriptions.line(line.source()),
                        input.accounts().commitment(), input.accounts().commitmentContra(),
                        line.source().getAmount(), line.dimensions()))
                .toList();
        return new PostingPlan(BcDocumentKind.GENERAL_JOURNAL, lines, input.accounts().journalCode());
    }
}
