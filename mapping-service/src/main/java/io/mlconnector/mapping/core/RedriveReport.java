package io.mlconnector.mapping.core;

import java.util.List;

/** What a re-drive did, by exception key (tenantId|sourceType|sourceId). */
public record RedriveReport(List<String> resolved, List<String> skipped, List<String> stillParked,
                            List<String> notClaimed, List<String> failed) {
    public RedriveReport {
        resolved = List.copyOf(resolved);
        skipped = List.copyOf(skipped);
        stillParked = List.copyOf(stillParked);
        notClaimed = List.copyOf(notClaimed);
        failed = List.copyOf(failed);
    }

    public static RedriveReport empty() {
        return new RedriveReport(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
