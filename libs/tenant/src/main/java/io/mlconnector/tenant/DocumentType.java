package io.mlconnector.tenant;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of Procore cost documents a tenant's posting policy decides on, with the key each has under
 * {@code postingPolicy.documents} in the tenants file, the treatment it gets when the file does not name one
 * (the connector's standard policy, the same for every customer), and the treatments that make sense for it.
 */
public enum DocumentType {
    REQUISITION("requisitions", "requisitions", Treatment.PURCHASE_INVOICE,
            EnumSet.of(Treatment.PURCHASE_INVOICE)),
    DIRECT_COST_INVOICE("directCostInvoices", "direct cost invoices", Treatment.PURCHASE_INVOICE,
            EnumSet.of(Treatment.PURCHASE_INVOICE, Treatment.COST_JOURNAL)),
    DIRECT_COST_EXPENSE("directCostExpenses", "direct cost expenses", Treatment.COST_JOURNAL,
            EnumSet.of(Treatment.COST_JOURNAL, Treatment.PURCHASE_INVOICE)),
    DIRECT_COST_PAYROLL("directCostPayroll", "direct cost payroll", Treatment.COST_JOURNAL,
            EnumSet.of(Treatment.COST_JOURNAL)),
    COMMITMENT("commitments", "commitments", Treatment.COMMITMENT_MEMO_JOURNAL,
            EnumSet.of(Treatment.COMMITMENT_MEMO_JOURNAL)),
    COMMITMENT_CHANGE_ORDER("commitmentChangeOrders", "commitment change orders", Treatment.COMMITMENT_MEMO_JOURNAL,
            EnumSet.of(Treatment.COMMITMENT_MEMO_JOURNAL)),
    PRIME_CHANGE_ORDER("primeChangeOrders", "prime contract change orders", Treatment.CONTRACT_VALUE_JOURNAL,
            EnumSet.of(Treatment.CONTRACT_VALUE_JOURNAL));

    private final String key;
    private final String label;
    private final Treatment standard;
    private final Set<Treatment> allowed;

    DocumentType(String key, String label, Treatment standard, Set<Treatment> posting) {
        this.key = key;
        this.label = label;
        this.standard = standard;
        EnumSet<Treatment> all = EnumSet.copyOf(posting);
        all.add(Treatment.DO_NOT_POST);
        this.allowed = Set.copyOf(all);
    }

    /** The key under {@code postingPolicy.documents}, e.g. {@code requisitions}. */
    public String key() {
        return key;
    }

    /** Plural words for messages, e.g. "direct cost invoices". */
    public String label() {
        return label;
    }

    public Treatment standardTreatment() {
        return standard;
    }

    public Set<Treatment> allowedTreatments() {
        return allowed;
    }

    public static java.util.Optional<DocumentType> byKey(String key) {
        for (DocumentType type : values()) {
            if (type.key.equals(key)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
