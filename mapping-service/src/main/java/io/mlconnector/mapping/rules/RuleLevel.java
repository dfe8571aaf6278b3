package io.mlconnector.mapping.rules;

/** How specific a mapping rule is; the most specific rule that matches a line wins. */
public enum RuleLevel {
    COST_TYPE_DEFAULT(1, "cost type default"),
    COST_CODE(2, "cost code (any cost type)"),
    COST_CODE_AND_TYPE(3, "cost code + cost type"),
    PROJECT_COST_CODE(4, "project + cost code (any cost type)"),
    PROJECT_COST_CODE_AND_TYPE(5, "project + cost code + cost type");

    private final int rank;
    private final String label;

    RuleLevel(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }
}
