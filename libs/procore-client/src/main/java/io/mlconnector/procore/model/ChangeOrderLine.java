package io.mlconnector.procore.model;

import java.math.BigDecimal;

/**
 * A change order line (v2). The v2 line carries no cost code or cost type objects; they are read from
 * {@code wbs_code.flat_code} ("03-300.S": cost code and cost type segments joined by '.', separator
 * unconfirmed; the cost type is the last segment, the cost code everything before it, "03.300.SUB" is cost code
 * "03.300" and type "SUB") and are null when absent. For commitment COs the referenced commitment line
 * ({@code commitmentLineItemId}) is the authoritative source of cost code and type.
 */
public record ChangeOrderLine(long id, String description, BigDecimal amount, CostCodeRef costCode,
                              LineItemTypeRef lineItemType, Long commitmentLineItemId, Long primeLineItemId) {
}
