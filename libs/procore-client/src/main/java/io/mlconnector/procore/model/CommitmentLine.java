package io.mlconnector.procore.model;

import java.math.BigDecimal;

/** One schedule-of-values line; requisition items point at it by {@code line_item_id}. */
public record CommitmentLine(long id, String description, BigDecimal amount, CostCodeRef costCode,
                             LineItemTypeRef lineItemType) {
}
