package io.mlconnector.procore.model;

/** {@code direct_cost_type}: invoice, expense or payroll. */
public enum DirectCostType {
    INVOICE, EXPENSE, PAYROLL;

    public static DirectCostType of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
