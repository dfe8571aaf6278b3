package io.mlconnector.mapping.policy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.mapping.rules.TenantAccounts;
import java.util.List;

/** Everything a strategy needs, already mapped and validated. Lines with a zero amount are left out. */
public record PostingInput(CostDocument document, DocumentCategory category, List<MappedLine> lines,
                           List<DimensionAssignment> projectDimensions, TenantAccounts accounts) {
    public PostingInput {
        lines = List.copyOf(lines);
        projectDimensions = List.copyOf(projectDimensions);
    }
}
