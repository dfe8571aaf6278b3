package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment with its schedule of values. Status values are title case ("Approved", "Draft"...).
 * {@code retainagePercent} is the contract's default retainage (e.g. 10.00).
 */
public record Commitment(long id, long projectId, CommitmentType type, String number, String title, String status,
                         boolean executed, VendorRef vendor, BigDecimal retainagePercent, BigDecimal grandTotal,
                         String originId, LocalDate contractDate, Instant updatedAt, Instant deletedAt,
                         List<CommitmentLine> lines) {

    public Commitment {
        lines = List.copyOf(lines);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
