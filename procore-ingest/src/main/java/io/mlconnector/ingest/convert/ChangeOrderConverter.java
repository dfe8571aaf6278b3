package io.mlconnector.ingest.convert;

import io.mlconnector.events.CostCodeRef;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.CostTypeRef;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.ChangeOrderLine;
import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.tenant.DocumentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A commitment or prime contract change order. Each line is the approved delta (negative for a deduct), with
 * its cost code and cost type from, in this order: the line's own cost code / line item type objects; the
 * commitment line it changes ({@code commitment_line_item_id}); the line's own budget code
 * ({@code wbs_code.flat_code}, cost code and cost type segments), looked up in the project's cost codes and the
 * company's cost types for their ids. The v2 change order line carries no cost code or cost type objects, only
 * {@code wbs_code} and {@code wbs_code_id}, which a new line must name (Procore REST API v2.0, Construction
 * Financials: "List Commitment Change Order Line Items", "Create Commitment Change Order Line Item", "List Prime
 * Change Order Line Items"; https://developers.procore.com). So a line added to a change order without a
 * schedule-of-values line behind it, and every prime change order line, has its cost code and type only there.
 * The segment separator in {@code flat_code} is unconfirmed; the client takes the last '.'-separated segment as
 * the cost type, and a cost code containing '.' itself ("03.300.SUB") is found whole.
 */
public final class ChangeOrderConverter {

    private ChangeOrderConverter() {
    }

    public static CostDocument convert(ProjectContext context, ChangeOrder order, Map<Long, CommitmentLine> changedLines) {
        List<CostDocumentLine> lines = order.lines().stream().map(line -> line(context, line, changedLines)).toList();
        SourceType type = order.kind() == ChangeOrderKind.COMMITMENT
                ? SourceType.COMMITMENT_CHANGE_ORDER : SourceType.PRIME_CHANGE_ORDER;
        CostDocument.Builder builder = Documents.envelope(context, type, order.id())
                .setNumber(order.number())
                .setTitle(order.title())
                .setStatus(order.status())
                .setApproved(Documents.procoreApproved(DocumentType.COMMITMENT_CHANGE_ORDER, order.status()))
                .setDeleted("void".equals(order.status()))
                .setParentId(order.contractId() == null ? null : Long.toString(order.contractId()))
                .setDocumentDate(order.reviewedAt() == null ? null : LocalDate.ofInstant(order.reviewedAt(), ZoneOffset.UTC))
                .setSourceUpdatedAt(order.updatedAt());
        return Documents.finish(builder, lines, BigDecimal.ZERO);
    }

    /**
     * Whether some line names its cost code or cost type only by code (its {@code wbs_code}) and gets neither from
     * its own objects nor from the commitment line it changes: then the project's cost codes and the company's cost
     * types are needed to convert the order.
     */
    public static boolean needsCodeLookups(ChangeOrder order, Map<Long, CommitmentLine> changedLines) {
        return order.lines().stream().anyMatch(line -> {
            CommitmentLine changed = changedLine(line, changedLines);
            boolean codeByCodeOnly = Documents.costCode(line.costCode()) == null && line.costCode() != null
                    && (changed == null || Documents.costCode(changed.costCode()) == null);
            boolean typeByCodeOnly = Documents.costType(line.lineItemType()) == null && line.lineItemType() != null
                    && (changed == null || Documents.costType(changed.lineItemType()) == null);
            return codeByCodeOnly || typeByCodeOnly;
        });
    }

    private static CommitmentLine changedLine(ChangeOrderLine line, Map<Long, CommitmentLine> changedLines) {
        return line.commitmentLineItemId() == null ? null : changedLines.get(line.commitmentLineItemId());
    }

    private static CostDocumentLine line(ProjectContext context, ChangeOrderLine line,
                                         Map<Long, CommitmentLine> changedLines) {
        CommitmentLine changed = changedLine(line, changedLines);
        var costCode = Documents.costCode(line.costCode());
        var costType = Documents.costType(line.lineItemType());
        if (changed != null) {
            costCode = costCode != null ? costCode : Documents.costCode(changed.costCode());
            costType = costType != null ? costType : Documents.costType(changed.lineItemType());
        }
        if (costCode == null && line.costCode() != null) {
            costCode = context.costCodeByFullCode(line.costCode().fullCode())
                    .map(code -> new CostCodeRef(code.id(), code.fullCode(), code.name()))
                    .orElse(null);
            if (costCode == null && costType == null && line.lineItemType() != null
                    && context.costTypeByCode(line.lineItemType().code()).isEmpty()) {
                // a budget code with no cost type segment whose cost code contains '.' ("03.300")
                costCode = context.costCodeByFullCode(line.costCode().fullCode() + "." + line.lineItemType().code())
                        .map(code -> new CostCodeRef(code.id(), code.fullCode(), code.name()))
                        .orElse(null);
                if (costCode != null) {
                    return build(line, costCode, null);
                }
            }
        }
        if (costType == null && line.lineItemType() != null) {
            costType = context.costTypeByCode(line.lineItemType().code())
                    .map(type -> new CostTypeRef(type.id(), type.code(), type.name()))
                    .orElse(null);
        }
        return build(line, costCode, costType);
    }

    private static CostDocumentLine build(ChangeOrderLine line, CostCodeRef costCode, CostTypeRef costType) {
        return CostDocumentLine.newBuilder()
                .setLineId(Long.toString(line.id()))
                .setDescription(line.description())
                .setCostCode(costCode)
                .setCostType(costType)
                .setAmount(Documents.money(line.amount()))
                .setRetainageAmount(Documents.money(BigDecimal.ZERO))
                .setCommitmentLineId(line.commitmentLineItemId() == null ? null : Long.toString(line.commitmentLineItemId()))
                .build();
    }
}
