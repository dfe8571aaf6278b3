package io.mlconnector.ingest.convert;

import io.mlconnector.events.CostCodeRef;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.mlconnector.tenant.DocumentType;

/**
 * A subcontractor requisition (Procore's "Subcontractor Invoice") as a cost document. Each item bills
 * work completed plus materials stored this period; retainage withheld this period is carried so the
 * invoice can show what is due now. Items carry a cost code id but no cost type: the cost type comes
 * from the commitment line the item bills against ({@code line_item_id}; procore-api.md §6).
 */
public final class RequisitionConverter {

    private RequisitionConverter() {
    }

    public static CostDocument convert(ProjectContext context, Requisition requisition,
                                       Map<Long, CommitmentLine> commitmentLines) {
        List<CostDocumentLine> lines = requisition.items().stream()
                .map(item -> line(context, item, commitmentLines))
                .toList();
        BigDecimal retainage = lines.stream().map(CostDocumentLine::getRetainageAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        CostDocument.Builder builder = Documents.envelope(context, SourceType.REQUISITION, requisition.id())
                .setNumber(requisition.invoiceNumber() != null && !requisition.invoiceNumber().isBlank()
                        ? requisition.invoiceNumber() : "#" + requisition.number())
                .setVendorInvoiceNumber(Documents.vendorInvoiceNumber(requisition.invoiceNumber()))
                .setTitle("Requisition #" + requisition.number() + " on commitment " + requisition.commitmentId())
                .setStatus(requisition.status())
                .setApproved(Documents.procoreApproved(DocumentType.REQUISITION, requisition.status()))
                .setDeleted(false)
                .setVendor(Documents.vendor(context, requisition.vendorId(), requisition.vendorName(), null))
                .setParentId(Long.toString(requisition.commitmentId()))
                .setDocumentDate(Optional.ofNullable(requisition.billingDate()).orElse(requisition.periodEnd()))
                .setSourceUpdatedAt(requisition.updatedAt());
        return Documents.finish(builder, lines, retainage);
    }

    private static CostDocumentLine line(ProjectContext context, RequisitionItem item,
                                         Map<Long, CommitmentLine> commitmentLines) {
        CommitmentLine billed = item.lineItemId() == null ? null : commitmentLines.get(item.lineItemId());
        BigDecimal amount = nz(item.workCompletedThisPeriod()).add(nz(item.materialsPresentlyStored()));
        return CostDocumentLine.newBuilder()
                .setLineId(Long.toString(item.id()))
                .setDescription(item.description())
                .setCostCode(costCode(context, item, billed))
                .setCostType(billed == null ? null : Documents.costType(billed.lineItemType()))
                .setAmount(Documents.money(amount))
                .setRetainageAmount(Documents.money(retainage(item)))
                .setCommitmentLineId(item.lineItemId() == null ? null : Long.toString(item.lineItemId()))
                .build();
    }

    /** Retainage withheld this period, net of what this period releases. */
    private static BigDecimal retainage(RequisitionItem item) {
        if (item.retainageRetainedThisPeriod() != null) {
            return item.retainageRetainedThisPeriod();
        }
        return nz(item.workRetainageRetainedThisPeriod()).subtract(nz(item.workRetainageReleasedThisPeriod()))
                .add(nz(item.materialsRetainageRetained())).subtract(nz(item.materialsRetainageReleasedThisPeriod()));
    }

    private static CostCodeRef costCode(ProjectContext context, RequisitionItem item, CommitmentLine billed) {
        if (item.costCodeId() != null) {
            CostCode code = context.costCodesById().get(item.costCodeId());
            if (code != null) {
                return new CostCodeRef(code.id(), code.fullCode(), code.name());
            }
        }
        return billed == null ? null : Documents.costCode(billed.costCode());
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
