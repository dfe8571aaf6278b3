package io.mlconnector.mapping.policy;

/** What a strategy needs from the reference mapping for each cost line. */
public enum LineNeeds {
    /** mapped cost account + project / cost code / cost type dimensions (actual costs) */
    COST_ACCOUNT_AND_DIMENSIONS,
    /** job-cost dimensions only; the accounts are the tenant's pair (commitments, prime contract change orders) */
    DIMENSIONS_ONLY
}
