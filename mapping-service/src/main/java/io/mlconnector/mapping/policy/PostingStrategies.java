package io.mlconnector.mapping.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place a treatment picks its strategy. */
public final class PostingStrategies {
    private final Map<PostingTreatment, PostingStrategy> byTreatment = new EnumMap<>(PostingTreatment.class);

    public PostingStrategies(List<PostingStrategy> strategies) {
        strategies.forEach(strategy -> byTreatment.put(strategy.treatment(), strategy));
    }

    public static PostingStrategies standard() {
        return new PostingStrategies(List.of(new PurchaseInvoiceStrategy(), new CostJournalStrategy(),
                new CommitmentMemoJournalStrategy(), new ContractValueJournalStrategy()));
    }

    /** Empty for SKIP. */
    public Optional<PostingStrategy> forTreatment(PostingTreatment treatment) {
        return Optional.ofNullable(byTreatment.get(treatment));
    }
}
