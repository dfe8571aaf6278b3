package io.mlconnector.mapping.policy;

import io.mlconnector.events.BcDocumentKind;
import java.util.List;

/**
 * Direct cost expenses and payroll -> general journal lines that debit the mapped cost account and are
 * balanced, line by line, against the tenant's clearing account: accrued payroll for payroll, employee expense
 * clearing otherwise. The clearing account is what the expense report or payroll run later relieves.
 */
public final class CostJournalStrategy implements PostingStrategy {
    @Override
    public PostingTreatment treatment() {
        return PostingTreatment.COST_JOURNAL;
    }

    @Override
    public LineNeeds lineNeeds() {
        return LineNeeds.COST_ACCOUNT_AND_DIMENSIONS;
    }

    @Override
    public boolean needsVendor() {
        return false;
    }

    @Override
    public List<TenantAccountUse> tenantAccounts(PostingInput input) {
        return List.of(balancing(input));
    }

    @Override
    public PostingPlan plan(PostingInput input) {
        String balancingAccount = balancing(input).accountNumber();
        List<PlannedLine> lines = input.lines().stream()
                .map(line -> new PlannedLine(line.source().getLineId(), Descriptions.line(line.source()),
                        line.costAccount(), balancingAccount, line.source().getAmount(), line.dimensions()))
                .toList();
        return new PostingPlan(BcDocumentKind.GENERAL_JOURNAL, lines, input.accounts().journalCode());
    }

    private static TenantAccountUse balancing(PostingInput input) {
        if (input.category() == DocumentCategory.DIRECT_COST_PAYROLL) {
            return new TenantAccountUse(input.accounts().accruedPayroll(), "the tenant's accrued payroll account");
        }
        return new TenantAccountUse(input.accounts().expenseClearing(), "the tenant's expense clearing account");
    }
}
