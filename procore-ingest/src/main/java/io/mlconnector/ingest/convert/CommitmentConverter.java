package io.mlconnector.ingest.convert;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.Commitment;
import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.procore.model.CommitmentType;
import java.math.BigDecimal;
import io.mlconnector.tenant.DocumentType;
import java.util.List;
import java.util.Set;

/**
 * A purchase order or subcontract (work order) commitment with its schedule-of-values lines. The lines
 * are the original commitment: change orders travel as their own documents with their own deltas, so
 * nothing downstream ever recomputes from a revised total (DESIGN.md, posting policy).
 */
public final class CommitmentConverter {

    /** Records that no longer stand: published as deleted so subscribers can reverse them. */
    static final Set<String> VOIDED = Set.of("Void", "Terminated");

    private CommitmentConverter() {
    }

    public static CostDocument convert(ProjectContext context, Commitment commitment) {
        List<CostDocumentLine> lines = commitment.lines().stream().map(CommitmentConverter::line).toList();
        SourceType type = commitment.type() == CommitmentType.WORK_ORDER
                ? SourceType.WORK_ORDER_CONTRACT : SourceType.PURCHASE_ORDER_CONTRACT;
        CostDocument.Builder builder = Documents.envelope(context, type, commitment.id())
                .setNumber(commitment.number())
                .setTitle(commitment.title())
                .setStatus(commitment.status())
                .setApproved(Documents.procoreApproved(DocumentType.COMMITMENT, commitment.status()))
                .setDeleted(commitment.deletedAt() != null || VOIDED.contains(commitment.status()))
                .setVendor(commitment.vendor() == null ? null : Documents.vendor(context, commitment.vendor().id(),
                        commitment.vendor().name(), commitment.vendor().originId()))
                .setDocumentDate(commitment.contractDate())
                .setSourceUpdatedAt(commitment.updatedAt());
        return Documents.finish(builder, lines, BigDecimal.ZERO);
    }

    private static CostDocumentLine line(CommitmentLine line) {
        return Documents.line(line.id(), line.description(), line.amount(), line.costCode(), line.lineItemType());
    }
}
