package io.mlconnector.mapping.policy;

import io.mlconnector.schemas.Money;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.CostDocumentLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Requisitions and direct cost invoices -> a purchase invoice on the vendor.
 *
 * <p>One line per cost line at its amount (for requisitions: work completed + materials stored this period) on
 * the mapped cost account with its dimensions. Retainage withheld is one negative line on the tenant's
 * retainage payable account with the project dimension, so the invoice total is what is due now and the
 * full cost still hits job cost. When the amount due is negative (a credit from the vendor) the document is a
 * purchase credit memo with the signs turned, because BC wants positive amounts on credit memo lines.
 */
public final class PurchaseInvoiceStrategy implements PostingStrategy {
    static final String RETAINAGE_DESCRIPTION = "Retainage withheld";

    @Override
    public PostingTreatment treatment() {
        return PostingTreatment.PURCHASE_INVOICE;
    }

    @Override
    public LineNeeds lineNeeds() {
        return LineNeeds.COST_ACCOUNT_AND_DIMENSIONS;
    }

    @Override
    public boolean needsVendor() {
        return true;
    }

    @Override
    public List<TenantAccountUse> tenantAccounts(PostingInput input) {
        if (Money.isZero(retainage(input))) {
            return List.of();
        }
        return List.of(new TenantAccountUse(input.accounts().retainagePayable(), "the tenant's retainage payable account"));
    }

    @Override
    public PostingPlan plan(PostingInput input) {
        List<PlannedLine> lines = new ArrayList<>();
        for (MappedLine line : input.lines()) {
            lines.add(new PlannedLine(line.source().getLineId(), Descriptions.line(line.source()), line.costAccount(),
                    null, line.source().getAmount(), line.dimensions()));
        }
        BigDecimal retainage = retainage(input);
        if (!Money.isZero(retainage)) {
            lines.add(new PlannedLine(null, RETAINAGE_DESCRIPTION, input.accounts().retainagePayable(), null,
                    retainage.negate(), input.projectDimensions()));
        }
        PostingPlan invoice = new PostingPlan(BcDocumentKind.PURCHASE_INVOICE, lines, null);
        if (invoice.total().signum() >= 0) {
            return invoice;
        }
        return new PostingPlan(BcDocumentKind.PURCHASE_CREDIT_MEMO,
                lines.stream().map(PlannedLine::negated).toList(), null);
    }

    /**
     * Retainage withheld in this document: the header amount when Procore gives one, else the sum of the
     * lines' retainage (requisition items carry their own).
     */
    static BigDecimal retainage(PostingInput input) {
        BigDecimal header = input.document().getRetainageAmount();
        if (!Money.isZero(header)) {
            return Money.of(header);
        }
        return Money.of(input.document().getLines().stream()
                .map(CostDocumentLine::getRetainageAmount)
                .filter(amount -> amount != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
