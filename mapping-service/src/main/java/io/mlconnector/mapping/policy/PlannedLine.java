package io.mlconnector.mapping.policy;

import io.mlconnector.schemas.Money;
import io.mlconnector.bc.DimensionAssignment;
import java.math.BigDecimal;
import java.util.List;

/** One line of what will post: amount positive = debit / cost. */
public record PlannedLine(String sourceLineId, String description, String accountNumber,
                          String balancingAccountNumber, BigDecimal amount, List<DimensionAssignment> dimensions) {
    public PlannedLine {
        amount = Money.of(amount);
        dimensions = List.copyOf(dimensions);
    }

    PlannedLine negated() {
        return new PlannedLine(sourceLineId, description, accountNumber, balancingAccountNumber, amount.negate(),
                dimensions);
    }
}
