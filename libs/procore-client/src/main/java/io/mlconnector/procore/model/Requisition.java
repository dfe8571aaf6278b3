package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subcontractor invoice (requisition, v1.1). Items carry no cost type: it comes from the commitment line
 * their {@code lineItemId} points at (Procore docs: tutorial-requisitions). Status values are snake case ("approved").
 */
public record Requisition(long id, long projectId, int number, String invoiceNumber, long commitmentId,
                          String commitmentType, Long vendorId, String vendorName, String status,
                          LocalDate billingDate, LocalDate periodStart, LocalDate periodEnd,
                          BigDecimal totalClaimedAmount, String originId, Instant updatedAt,
                          List<RequisitionItem> items) {

    public Requisition {
        items = List.copyOf(items);
    }
}
