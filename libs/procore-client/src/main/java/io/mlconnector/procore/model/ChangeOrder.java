package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A commitment or prime change order (v1 header) with its lines (v2 line items). {@code contractId} is the
 * commitment (or prime contract) it changes; {@code reviewedAt} is the approval time.
 */
public record ChangeOrder(long id, long projectId, ChangeOrderKind kind, Long contractId, String number, String title,
                          String status, BigDecimal grandTotal, Instant reviewedAt, Instant updatedAt,
                          List<ChangeOrderLine> lines) {

    public ChangeOrder {
        lines = List.copyOf(lines);
    }
}
