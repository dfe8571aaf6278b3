package io.mlconnector.mapping.policy;

/** What the connector posts for a document category; one {@link PostingStrategy} per treatment. */
public enum PostingTreatment {
    /** Purchase invoice on the vendor (purchase credit memo when the amount due is negative). */
    PURCHASE_INVOICE,
    /** Journal lines debiting the mapped cost accounts, balanced by the clearing / accrued payroll account. */
    COST_JOURNAL,
    /** Memo journal pair on the commitment (encumbrance) account and its contra, with job-cost dimensions. */
    COMMITMENT_MEMO_JOURNAL,
    /** Journal pair on the contract value account and its contra, with the project dimension. */
    CONTRACT_VALUE_JOURNAL,
    /** Not posted by this tenant. */
    SKIP
}
