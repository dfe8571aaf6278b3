package io.mlconnector.mapping.rules;

/**
 * The tenant's BC G/L accounts the posting policy uses besides the mapped cost accounts, and the journal batch the
 * connector posts journals into: the tenant's own, from the tenants file ({@code postingPolicy}). Null where the
 * tenant configures none; the tenants file refuses a tenant whose enabled document types need one that is missing,
 * so there is no fallback here (a number right in one chart of accounts is another account in the next).
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

    public TenantAccounts {
        retainagePayable = trimmed(retainagePayable);
        expenseClearing = trimmed(expenseClearing);
        accruedPayroll = trimmed(accruedPayroll);
        commitment = trimmed(commitment);
        commitmentContra = trimmed(commitmentContra);
        contractValue = trimmed(contractValue);
        contractValueContra = trimmed(contractValueContra);
        journalCode = trimmed(journalCode);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
