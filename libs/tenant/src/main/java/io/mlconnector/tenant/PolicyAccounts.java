package io.mlconnector.tenant;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tenant's own Business Central G/L accounts the posting policy posts to besides the mapped cost accounts.
 * Each is the account's {@code number} in the tenant's chart; null when the tenant does not configure it (then
 * the document types that need it must be "do not post", see {@link PostingPolicy}). There is deliberately no
 * default: a number that is right in one chart of accounts is some other account in the next.
 */
public record PolicyAccounts(String retainagePayable, String expenseClearing, String accruedPayroll,
                             String commitment, String commitmentContra, String contractValue,
                             String contractValueContra) {

    /** BC's G/L account No. is a Code[20] field. */
    static final int MAX_LENGTH = 20;

    public static final PolicyAccounts NONE = new PolicyAccounts(null, null, null, null, null, null, null);

    public PolicyAccounts {
        retainagePayable = code(retainagePayable, "retainagePayableAccount");
        expenseClearing = code(expenseClearing, "expenseClearingAccount");
        accruedPayroll = code(accruedPayroll, "accruedPayrollAccount");
        commitment = code(commitment, "commitmentAccount");
        commitmentContra = code(commitmentContra, "commitmentContraAccount");
        contractValue = code(contractValue, "contractValueAccount");
        contractValueContra = code(contractValueContra, "contractValueContraAccount");
    }

    /** The configured accounts by their setting name (e.g. {@code retainagePayableAccount}), in file order. */
    public Map<String, String> configured() {
        Map<String, String> all = new LinkedHashMap<>();
        put(all, "retainagePayableAccount", retainagePayable);
        put(all, "expenseClearingAccount", expenseClearing);
        put(all, "accruedPayrollAccount", accruedPayroll);
        put(all, "commitmentAccount", commitment);
        put(all, "commitmentContraAccount", commitmentContra);
        put(all, "contractValueAccount", contractValue);
        put(all, "contractValueContraAccount", contractValueContra);
        return all;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String code(String value, String setting) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new TenantValidationException("postingPolicy." + setting + " '" + trimmed + "' is longer than "
                    + MAX_LENGTH + " characters, so it cannot be a Business Central G/L account number");
        }
        return trimmed;
    }
}
