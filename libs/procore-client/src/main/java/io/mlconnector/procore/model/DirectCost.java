package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A direct cost (invoice, expense or payroll) with its lines; status is draft|pending|revise_and_resubmit|approved. */
public record DirectCost(long id, long projectId, DirectCostType type, String status, String invoiceNumber,
                         LocalDate directCostDate, String description, VendorRef vendor, EmployeeRef employee,
                         BigDecimal grandTotal, String originId, Instant updatedAt, Instant deletedAt,
                         List<DirectCostLine> lines) {

    public DirectCost {
        lines = List.copyOf(lines);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
