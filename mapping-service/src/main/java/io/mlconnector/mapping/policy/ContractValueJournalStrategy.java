package io.mlconnector.mapping.policy;

import io.mlconnector.events.BcDocumentKind;
import java.util.List;

/**
 * Prime contract change orders -> one journal line per change order line: its approved delta (negative for a
 * credit) on the tenant's contract value account, balanced by its contra, with the dimensions the mapping gives
 * the line (project, and the cost code and cost type of the line's own budget code when it has one), so
 * revenue-side changes can be reported by cost code as well as by project. Lines with a zero delta are left out.
 */
public final class ContractValueJournalStrategy implements PostingStrategy {
    @Override
    public PostingTreatment treatment() {
        return PostingTreatment.CONTRACT_VALUE_JOURNAL;
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
                new TenantAccountUse(input.accounts().contractValue(), "the tenant's contract value account"),
                new TenantAccountUse(input.accounts().contractValueContra(), "the tenant's contract value contra account"));
    }

    @Override
    public PostingPlan plan(PostingInput input) {
        String number = input.document().getNumber();
        String fallback = Descriptions.fit("Prime contract change order" + (number == null ? "" : " " + number));
        List<PlannedLine> lines = input.lines().stream()
                .map(line -> new PlannedLine(line.source().getLineId(), describe(line, fallback),
                        input.accounts().contractValue(), input.accounts().contractValueContra(),
                        line.source().getAmount(), line.dimensions()))
                .toList();
        return new PostingPlan(BcDocumentKind.GENERAL_JOURNAL, lines, input.accounts().journalCode());
    }

    private static String describe(MappedLine line, String fallback) {
        String own = Descriptions.line(line.source());
        return own == null ? fallback : own;
    }
}
