package io.mlconnector.ingest.convert;

import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What converting one project's records needs to know beyond the record itself: the tenant, the
 * project, the company's vendors (for the ERP link, {@code origin_id}), the project's cost codes
 * (requisition items carry only a cost code id) and the company's cost types (line item types; a change
 * order line names its cost code and cost type only as codes, in its {@code wbs_code}).
 */
public record ProjectContext(String tenantId, long companyId, ProcoreProject project,
                             Map<Long, ProcoreVendor> vendorsById, Map<Long, CostCode> costCodesById,
                             Map<String, LineItemType> costTypesByCode, Instant observedAt) {

    public ProjectContext {
        costTypesByCode = Map.copyOf(costTypesByCode);
    }

    /** A context without cost types (enough for every record whose lines carry cost type objects). */
    public ProjectContext(String tenantId, long companyId, ProcoreProject project, Map<Long, ProcoreVendor> vendorsById,
                          Map<Long, CostCode> costCodesById, Instant observedAt) {
        this(tenantId, companyId, project, vendorsById, costCodesById, Map.of(), observedAt);
    }

    /** The project's cost code with this full code (Procore keeps what people typed; compared ignoring case). */
    public Optional<CostCode> costCodeByFullCode(String fullCode) {
        if (fullCode == null) {
            return Optional.empty();
        }
        return costCodesById.values().stream()
                .filter(code -> code.fullCode() != null && code.fullCode().equalsIgnoreCase(fullCode.trim()))
                .findFirst();
    }

    /** The company's cost type with this code, ignoring case. */
    public Optional<LineItemType> costTypeByCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(costTypesByCode.get(typeKey(code)));
    }

    /** The key {@link #costTypesByCode} is indexed by. */
    public static String typeKey(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
