package io.mlconnector.mapping.rules;

/**
 * The tenant's BC G/L accounts the posting policy uses besides the mapped cost accounts,
 * and the connector's journal batch. Defaults are Harbor Ridge's chart (demo catalogue).
 */
public record TenantAccounts(
        String retainagePayable,
        String expenseClearing,
        String accruedPayroll,
        String commitment,
        String commitmentContra,
        String contractValue,
        String contractValueContra,
        String journalCode) {

    public static final TenantAccounts DEFAULTS =
            new TenantAccounts("2120", "2140", "2130", "1810", "1815", "4910", "4915", "PROCORE");

    public TenantAccounts {
        retainagePayable = orDefault(retainagePayable, "2120");
        expenseClearing = orDefault(expenseClearing, "2140");
        accruedPayroll = orDefault(accruedPayroll, "2130");
        commitment = orDefault(commitment, "1810");
        commitmentContra = orDefault(commitmentContra, "1815");
        contractValue = orDefault(contractValue, "4910");
        contractValueContra = orDefault(contractValueContra, "4915");
        journalCode = orDefault(journalCode, "PROCORE");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
