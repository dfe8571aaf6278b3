package io.mlconnector.mapping.policy;

import java.util.List;

/**
 * One way of turning a mapped cost document into BC lines. The mapper asks the strategy what it needs
 * (cost accounts? vendor? which tenant accounts?) so it can validate all of it before building the plan.
 */
public interface PostingStrategy {
    PostingTreatment treatment();

    LineNeeds lineNeeds();

    boolean needsVendor();

    /** The tenant accounts this strategy posts to for the category, validated against BC like mapped ones. */
    List<TenantAccountUse> tenantAccounts(PostingInput input);

    PostingPlan plan(PostingInput input);
}
