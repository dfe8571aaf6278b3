package io.mlconnector.mapping.policy;

import io.mlconnector.schemas.Money;
import io.mlconnector.events.BcDocumentKind;
import java.math.BigDecimal;
import java.util.List;

/** What a strategy decided to post: the BC document kind and its lines. */
public record PostingPlan(BcDocumentKind kind, List<PlannedLine> lines, String journalCode) {
    public PostingPlan {
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return Money.of(lines.stream().map(PlannedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
