package io.mlconnector.procore.model;

import java.math.BigDecimal;

/** A direct cost line with its cost code and cost type. */
public record DirectCostLine(long id, String description, BigDecimal amount, CostCodeRef costCode,
                             LineItemTypeRef lineItemType) {
}
