package io.mlconnector.mapping.rules;

/**
 * How specific a mapping rule is; the most specific line rule that matches a line wins. A {@link #PROJECT} rule
 * is not a line match: it sets the project's dimension values, under whichever line rule matches.
 */
public enum RuleLevel {
    /** project only: that project's dimension values for every line (no account); not a line match */
    PROJECT(0, "project (dimension values for every line of the project)"),
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
