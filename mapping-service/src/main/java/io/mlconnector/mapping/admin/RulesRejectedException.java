package io.mlconnector.mapping.admin;

import java.util.List;

/** Rules that fail validation; nothing was saved. */
public final class RulesRejectedException extends RuntimeException {
    private final List<RuleRejection> rejections;

    public RulesRejectedException(List<RuleRejection> rejections) {
        super(rejections.stream().map(r -> "row " + r.row() + " (" + r.rule() + "): " + String.join("; ", r.reasons()))
                .reduce((a, b) -> a + " | " + b).orElse("rules rejected"));
        this.rejections = List.copyOf(rejections);
    }

    public List<RuleRejection> rejections() {
        return rejections;
    }
}
