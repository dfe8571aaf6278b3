package io.mlconnector.procore;

import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.ChangeOrderLine;
import io.mlconnector.procore.model.Commitment;
import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.procore.model.CommitmentType;
import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.CostCodeRef;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLine;
import io.mlconnector.procore.model.DirectCostType;
import io.mlconnector.procore.model.EmployeeRef;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.LineItemTypeRef;
import io.mlconnector.procore.model.ProcoreCompany;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.model.VendorRef;
import io.mlconnector.procore.model.VendorSyncResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Procore JSON (field names from the real API, reference sheet §4-§10) to typed records. */
final class ProcoreRecords {

    private ProcoreRecords() {
    }

    static ProcoreCompany company(JsonNode n) {
        return new ProcoreCompany(n.path("id").asLong(), text(n, "name"), n.path("is_active").asBoolean(true));
    }

    static ProcoreProject project(JsonNode n) {
        return new ProcoreProject(n.path("id").asLong(), text(n, "name"), text(n, "project_number"),
                n.path("active").asBoolean(), text(n, "origin_id"), instant(n, "updated_at"));
    }

    static ProcoreVendor vendor(JsonNode n) {
        return new ProcoreVendor(n.path("id").asLong(), text(n, "name"), text(n, "abbreviated_name"),
                text(n, "origin_id"), text(n, "origin_code"), n.path("is_active").asBoolean(true), text(n, "address"),
                text(n, "city"), text(n, "state_code"), text(n, "zip"), text(n, "country_code"),
                text(n, "business_phone"), text(n, "email_address"), instant(n, "updated_at"));
    }

    static LineItemType lineItemType(JsonNode n) {
        return new LineItemType(n.path("id").asLong(), text(n, "code"), text(n, "name"), text(n, "base_type"));
    }

    static CostCode costCode(JsonNode n) {
        return new CostCode(n.path("id").asLong(), text(n, "full_code"), text(n, "name"), instant(n, "updated_at"));
    }

    static Commitment commitment(JsonNode n, CommitmentType type, long projectId) {
        List<CommitmentLine> lines = new ArrayList<>();
        for (JsonNode l : n.path("line_items")) {
            lines.add(new CommitmentLine(l.path("id").asLong(), text(l, "description"), money(l, "amount"),
                    costCodeRef(l.path("cost_code")), lineItemTypeRef(l.path("line_item_type"))));
        }
        JsonNode v = n.path("vendor");
        // on commitments the vendor's name is in "company" (spec RestV10WorkOrderContractsIdGet)
        VendorRef vendor = v.isObject() ? new VendorRef(longOrNull(v, "id"),
                text(v, "company") != null ? text(v, "company") : text(v, "name"), text(v, "origin_id")) : null;
        return new Commitment(n.path("id").asLong(), projectId, type, text(n, "number"), text(n, "title"),
                text(n, "status"), n.path("executed").asBoolean(), vendor, money(n, "retainage_percent"),
                money(n, "grand_total"), text(n, "origin_id"), date(n, "contract_date"), instant(n, "updated_at"),
                instant(n, "deleted_at"), lines);
    }

    static Requisition requisition(JsonNode n, long projectId) {
        List<RequisitionItem> items = new ArrayList<>();
        for (JsonNode i : n.path("items")) {
            BigDecimal workRetained = moneyOrZero(i, "work_completed_retainage_retained_this_period");
            BigDecimal workReleased = moneyOrZero(i, "work_completed_retainage_released_this_period");
            BigDecimal materialsRetained = moneyOrZero(i, "materials_stored_retainage_currently_retained");
            BigDecimal materialsReleased = moneyOrZero(i, "materials_stored_retainage_released_this_period");
            items.add(new RequisitionItem(i.path("id").asLong(), text(i, "item_type"), longOrNull(i, "line_item_id"),
                    longOrNull(i, "cost_code_id"), text(i, "description_of_work"), moneyOrZero(i, "scheduled_value"),
                    moneyOrZero(i, "work_completed_this_period"), moneyOrZero(i, "materials_presently_stored"),
                    workRetained, workReleased, materialsRetained, materialsReleased,
                    workRetained.add(materialsRetained).subtract(workReleased).subtract(materialsReleased)));
        }
        return new Requisition(n.path("id").asLong(), projectId, n.path("number").asInt(), text(n, "invoice_number"),
                n.path("commitment_id").asLong(), text(n, "commitment_type"), longOrNull(n, "vendor_id"),
                text(n, "vendor_name"), text(n, "status"), date(n, "billing_date"), date(n, "requisition_start"),
                date(n, "requisition_end"), money(n, "total_claimed_amount"), text(n, "origin_id"),
                instant(n, "updated_at"), items);
    }

    /** A direct cost from its list row or show body; lines are passed separately (from whichever call had them). */
    static DirectCost directCost(JsonNode n, long projectId, List<DirectCostLine> lines) {
        JsonNode v = n.path("vendor");
        Long vendorId = longOrNull(n, "vendor_id");
        if (vendorId == null && v.isObject()) {
            vendorId = longOrNull(v, "id");
        }
        String vendorName = text(n, "vendor_name");
        if (vendorName == null) {
            vendorName = v.isObject() ? text(v, "name") : v.isString() ? v.asString() : null;
        }
        VendorRef vendor = vendorId == null ? null : new VendorRef(vendorId, vendorName, null);
        JsonNode e = n.path("employee");
        EmployeeRef employee = e.isObject() && e.hasNonNull("id") ? new EmployeeRef(e.path("id").asLong(), text(e, "name")) : null;
        return new DirectCost(n.path("id").asLong(), projectId, DirectCostType.of(n.path("direct_cost_type").asString("invoice")),
                text(n, "status"), text(n, "invoice_number"), date(n, "direct_cost_date"), text(n, "description"),
                vendor, employee, money(n, "grand_total"), text(n, "origin_id"), instant(n, "updated_at"),
                instant(n, "deleted_at"), lines);
    }

    static DirectCostLine directCostLine(JsonNode l) {
        return new DirectCostLine(l.path("id").asLong(), text(l, "description"), money(l, "amount"),
                costCodeRef(l.path("cost_code")), lineItemTypeRef(l.path("line_item_type")));
    }

    static ChangeOrder changeOrder(JsonNode n, ChangeOrderKind kind, long projectId, List<ChangeOrderLine> lines) {
        return new ChangeOrder(n.path("id").asLong(), projectId, kind, longOrNull(n, "contract_id"), text(n, "number"),
                text(n, "title"), text(n, "status"), money(n, "grand_total"), instant(n, "reviewed_at"),
                instant(n, "updated_at"), lines);
    }

    /** v2 line: ids are strings, amounts decimal strings; cost code and type from wbs_code.flat_code. */
    static ChangeOrderLine changeOrderLine(JsonNode l) {
        String flat = text(l.path("wbs_code"), "flat_code");
        CostCodeRef costCode = null;
        LineItemTypeRef type = null;
        if (flat != null && !flat.isBlank()) {
            // The cost type is the last segment; the cost code is everything before it, which may itself contain
            // '.' (a chart whose codes read "03.300"). The ingest resolves both against the project's cost codes.
            String trimmed = flat.strip();
            int last = trimmed.lastIndexOf('.');
            costCode = new CostCodeRef(null, last < 0 ? trimmed : trimmed.substring(0, last), null);
            type = last < 0 ? null : new LineItemTypeRef(null, trimmed.substring(last + 1), null);
        }
        return new ChangeOrderLine(Long.parseLong(l.path("id").asString()), text(l, "description"), money(l, "amount"),
                costCode, type, longOrNull(l, "commitment_line_item_id"), longOrNull(l, "prime_line_item_id"));
    }

    static VendorSyncResult vendorSync(JsonNode body) {
        List<ProcoreVendor> entities = new ArrayList<>();
        body.path("entities").forEach(e -> entities.add(vendor(e)));
        List<VendorSyncResult.RowError> errors = new ArrayList<>();
        for (JsonNode e : body.path("errors")) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            JsonNode errs = e.path("errors");
            for (String field : errs.propertyNames()) {
                List<String> messages = new ArrayList<>();
                JsonNode m = errs.get(field);
                if (m.isArray()) {
                    m.forEach(x -> messages.add(x.asString()));
                } else {
                    messages.add(m.asString());
                }
                fields.put(field, messages);
            }
            errors.add(new VendorSyncResult.RowError(longOrNull(e, "id"), text(e, "origin_id"), text(e, "name"), fields));
        }
        return new VendorSyncResult(entities, errors);
    }

    static CostCodeRef costCodeRef(JsonNode c) {
        return c.isObject() ? new CostCodeRef(longOrNull(c, "id"), text(c, "full_code"), text(c, "name")) : null;
    }

    static LineItemTypeRef lineItemTypeRef(JsonNode t) {
        return t.isObject() ? new LineItemTypeRef(longOrNull(t, "id"), text(t, "code"), text(t, "name")) : null;
    }

    // ---- scalars ----

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    /** Ids arrive as numbers (v1) or strings (v2). */
    static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || (v.isString() && v.asString().isBlank())) {
            return null;
        }
        return v.isNumber() ? v.asLong() : Long.parseLong(v.asString().trim());
    }

    /** Money as BigDecimal from a decimal string ("50000.00") or a JSON number, exactly; null when absent. */
    static BigDecimal money(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        String s = v.asString().trim();
        return s.isEmpty() ? null : new BigDecimal(s);
    }

    static BigDecimal moneyOrZero(JsonNode n, String field) {
        BigDecimal v = money(n, field);
        return v == null ? BigDecimal.ZERO : v;
    }

    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    }

    static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        return s == null || s.isBlank() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
