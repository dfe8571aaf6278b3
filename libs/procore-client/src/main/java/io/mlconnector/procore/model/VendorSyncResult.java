package io.mlconnector.procore.model;

import java.util.List;
import java.util.Map;

/** The answer of {@code PATCH /rest/v1.0/vendors/sync}: always HTTP 200, failures per row in {@code errors}. */
public record VendorSyncResult(List<ProcoreVendor> entities, List<RowError> errors) {

    public VendorSyncResult {
        entities = List.copyOf(entities);
        errors = List.copyOf(errors);
    }

    /** A refused row: the id/origin_id it was sent with and {field: [messages]}. */
    public record RowError(Long id, String originId, String name, Map<String, List<String>> errors) {
    }
}
