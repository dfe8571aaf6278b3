package io.mlconnector.ingest.convert;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.ChangeOrderLine;
import io.mlconnector.procore.model.CommitmentLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A commitment or prime contract change order. Each line is the approved delta (negative for a
 * deduct). A commitment change order line that lacks a cost code or cost type takes them from the
 * commitment line it changes ({@code commitment_line_item_id}).
 */
public final class ChangeOrderConverter {

    private ChangeOrderConverter() {
    }

    public static CostDocument convert(ProjectContext context, ChangeOrder order, Map<Long, CommitmentLine> changedLines) {
        List<CostDocumentLine> lines = order.lines().stream().map(line -> line(line, changedLines)).toList();
        SourceType type = order.kind() == ChangeOrderKind.COMMITMENT
                ? SourceType.COMMITMENT_CHANGE_ORDER : SourceType.PRIME_CHANGE_ORDER;
        CostDocument.Builder builder = Documents.envelope(context, type, order.id())
                .setNumber(order.number())
                .setTitle(order.title())
                .setStatus(order.status())
                .setApproved("approved".equals(order.status()))
                .setDeleted("void".equals(order.status()))
                .setParentId(order.contractId() == null ? null : Long.toString(order.contractId()))
                .setDocumentDate(order.reviewedAt() == null ? null : LocalDate.ofInstant(order.reviewedAt(), ZoneOffset.UTC))
                .setSourceUpdatedAt(order.updatedAt());
        return Documents.finish(builder, lines, BigDecimal.ZERO);
    }

    private static CostDocumentLine line(ChangeOrderLine line, Map<Long, CommitmentLine> changedLines) {
        CommitmentLine changed = line.commitmentLineItemId() == null ? null : changedLines.get(line.commitmentLineItemId());
        var costCode = Documents.costCode(line.costCode());
        var costType = Documents.costType(line.lineItemType());
        if (changed != null) {
            costCode = costCode != null ? costCode : Documents.costCode(changed.costCode());
            costType = costType != null ? costType : Documents.costType(changed.lineItemType());
        }
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
