package io.mlconnector.ingest.convert;

import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import java.time.Instant;
import java.util.Map;

/**
 * What converting one project's records needs to know beyond the record itself: the tenant, the
 * project, the company's vendors (for the ERP link, {@code origin_id}) and the project's cost codes
 * (requisition items carry only a cost code id).
 */
public record ProjectContext(String tenantId, long companyId, ProcoreProject project,
                             Map<Long, ProcoreVendor> vendorsById, Map<Long, CostCode> costCodesById,
                             Instant observedAt) {
}
