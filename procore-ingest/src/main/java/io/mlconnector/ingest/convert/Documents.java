package io.mlconnector.ingest.convert;

import io.mlconnector.events.CostCodeRef;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.CostTypeRef;
import io.mlconnector.events.SourceType;
import io.mlconnector.events.VendorRef;
import io.mlconnector.ingest.publish.ContentRevisions;
import io.mlconnector.procore.model.LineItemTypeRef;
import io.mlconnector.procore.model.ProcoreVendor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Building blocks shared by the converters: money at the contract's scale, references, the envelope. */
final class Documents {

    static final int MONEY_SCALE = 2;

    private Documents() {
    }

    /**
     * Whether the status is one of Procore's own approved statuses for the type: the event's {@code approved} flag.
     * What a tenant posts is its own setting (postingPolicy.approvedStatuses), decided by mapping-service.
     */
    static boolean procoreApproved(io.mlconnector.tenant.DocumentType type, String status) {
        return io.mlconnector.tenant.ApprovedStatuses.PROCORE_DEFAULTS.approves(type, status);
    }

    /**
     * Procore sends money as decimal strings with two places; a unit-cost product can carry more. Cents are
     * what both ledgers hold, so round half-up once, here, and nowhere else.
     */
    static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(MONEY_SCALE) : value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal sum(List<CostDocumentLine> lines) {
        return lines.stream().map(CostDocumentLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static CostTypeRef costType(LineItemTypeRef type) {
        if (type == null || type.id() == null || type.code() == null) {
            return null;
        }
        return new CostTypeRef(type.id(), type.code(), type.name());
    }

    static CostCodeRef costCode(io.mlconnector.procore.model.CostCodeRef code) {
        if (code == null || code.id() == null || code.fullCode() == null) {
            return null;
        }
        return new CostCodeRef(code.id(), code.fullCode(), code.name());
    }

    /** The vendor as the company directory knows it: the directory holds the ERP link (origin_id). */
    static VendorRef vendor(ProjectContext context, Long vendorId, String nameOnDocument, String originOnDocument) {
        if (vendorId == null) {
            return null;
        }
        ProcoreVendor known = context.vendorsById().get(vendorId);
        String name = known != null ? known.name() : nameOnDocument;
        String origin = known != null && known.originId() != null ? known.originId() : originOnDocument;
        return new VendorRef(vendorId, name, origin);
    }

    /**
     * The vendor's own invoice number as typed in Procore ({@code invoice_number} on requisitions and direct costs,
     * https://developers.procore.com/reference/rest/requisitions-subcontractor-invoices and
     * https://developers.procore.com/reference/rest/direct-costs), trimmed; null when blank. Kept as typed:
     * fitting it to BC's field is the poster's job.
     */
    static String vendorInvoiceNumber(String invoiceNumber) {
        return invoiceNumber == null || invoiceNumber.isBlank() ? null : invoiceNumber.strip();
    }

    /** A document envelope with the project fields filled in; callers add type-specific fields. */
    static CostDocument.Builder envelope(ProjectContext context, SourceType type, long sourceId) {
        return CostDocument.newBuilder()
                .setTenantId(context.tenantId())
                .setSourceType(type)
                .setSourceId(Long.toString(sourceId))
                .setContentRevision("")
                .setCompanyId(context.companyId())
                .setProjectId(context.project().id())
                .setProjectNumber(context.project().projectNumber())
                .setProjectName(context.project().name())
                .setProjectActive(context.project().active())
                .setObservedAt(context.observedAt());
    }

    /** A line as commitments and direct costs carry it: amount, cost code and cost type on the line itself. */
    static CostDocumentLine line(long id, String description, BigDecimal amount,
                                 io.mlconnector.procore.model.CostCodeRef costCode, LineItemTypeRef costType) {
        return CostDocumentLine.newBuilder()
                .setLineId(Long.toString(id))
                .setDescription(description)
                .setCostCode(costCode(costCode))
                .setCostType(costType(costType))
                .setAmount(money(amount))
                .setRetainageAmount(money(BigDecimal.ZERO))
                .build();
    }

    static CostDocument finish(CostDocument.Builder builder, List<CostDocumentLine> lines, BigDecimal retainage) {
        return ContentRevisions.stamp(builder
                .setLines(lines)
                .setTotalAmount(sum(lines))
                .setRetainageAmount(money(retainage))
                .build());
    }
}
