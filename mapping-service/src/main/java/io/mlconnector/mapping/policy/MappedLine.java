package io.mlconnector.mapping.policy;

import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.bc.DimensionAssignment;
import java.util.List;

/** A cost line with its mapped cost account (null when the treatment needs none) and validated dimensions. */
public record MappedLine(CostDocumentLine source, String costAccount, List<DimensionAssignment> dimensions) {
    public MappedLine {
        dimensions = List.copyOf(dimensions);
    }
}
