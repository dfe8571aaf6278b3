package io.mlconnector.mapping.policy;

import io.mlconnector.events.BcDocumentKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * Prime contract change orders -> one journal line with the approved delta on the tenant's contract value
 * account, balanced by its contra, with the project dimension only: revenue-side tracking is per project,
 * cost codes do not apply.
 */
public final class ContractValueJournalStrategy implements PostingStrategy {
    @Override
    public PostingTreatment treatment() {
        return PostingTreatment.CONTRACT_VALUE_JOURNAL;
    }

    @Override
    public LineNeeds lineNeeds() {
        return LineNeeds.PROJECT_DIMENSION_ONLY;
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
        BigDecimal delta = input.lines().stream()
                .map(line -> line.source().getAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String number = input.document().getNumber();
        String description = Descriptions.fit("Prime contract change order" + (number == null ? "" : " " + number));
        PlannedLine line = new PlannedLine(null, description, input.accounts().contractValue(),
                input.accounts().contractValueContra(), delta, input.projectDimensions());
        return new PostingPlan(BcDocumentKind.GENERAL_JOURNAL, List.of(line), input.accounts().journalCode());
    }
}
