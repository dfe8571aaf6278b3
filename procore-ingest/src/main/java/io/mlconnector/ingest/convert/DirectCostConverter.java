package io.mlconnector.ingest.convert;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLine;
import io.mlconnector.tenant.DocumentType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** A direct cost (invoice, expense or payroll) as a cost document. */
public final class DirectCostConverter {

    private DirectCostConverter() {
    }

    public static CostDocument convert(ProjectContext context, DirectCost cost) {
        List<CostDocumentLine> lines = cost.lines().stream().map(DirectCostConverter::line).toList();
        String type = cost.type().name().toLowerCase(Locale.ROOT);
        CostDocument.Builder builder = Documents.envelope(context, SourceType.DIRECT_COST, cost.id())
                .setNumber(cost.invoiceNumber() != null && !cost.invoiceNumber().isBlank()
                        ? cost.invoiceNumber() : type + "-" + cost.id())
                .setVendorInvoiceNumber(Documents.vendorInvoiceNumber(cost.invoiceNumber()))
                .setTitle(cost.description())
                .setStatus(cost.status())
                .setApproved(Documents.procoreApproved(DocumentType.DIRECT_COST_INVOICE, cost.status()))
                .setDeleted(cost.deletedAt() != null)
                .setDirectCostType(type)
                .setVendor(cost.vendor() == null ? null
                        : Documents.vendor(context, cost.vendor().id(), cost.vendor().name(), cost.vendor().originId()))
                .setDocumentDate(cost.directCostDate())
                .setSourceUpdatedAt(cost.updatedAt());
        return Documents.finish(builder, lines, BigDecimal.ZERO);
    }

    private static CostDocumentLine line(DirectCostLine line) {
        return Documents.line(line.id(), line.description(), line.amount(), line.costCode(), line.lineItemType());
    }
}
