package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.procore.model.Commitment;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.sandbox.procore.DeclaredParameters;
import io.mlconnector.sandbox.procore.Resource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guards the updated_at watermark: changed records come back, unchanged ones don't, deletions only when asked. */
class IncrementalReadsTest {

    private SandboxFixture fx;

    @BeforeEach
    void start() {
        fx = SandboxFixture.defaults();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void onlyRecordsChangedSinceTheWatermarkAreReturned() {
        Instant watermark = Instant.now().minusSeconds(1);
        assertThat(fx.client.workOrderContracts(2001003, UpdatedSince.since(watermark)).collectList().block()).isEmpty();

        fx.sandbox.data().update(Resource.WORK_ORDER_CONTRACTS, 2001003, 7100305, n -> n.put("status", "Complete"));
        List<Commitment> changed = fx.client.workOrderContracts(2001003, UpdatedSince.since(watermark)).collectList().block();

        assertThat(changed).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(7100305);
            assertThat(c.status()).isEqualTo("Complete");
            assertThat(c.lines()).isNotEmpty();
            assertThat(c.lines().stream().map(l -> l.amount()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .isEqualByComparingTo(c.grandTotal());
        });
    }

    @Test
    void aDeletedDirectCostIsGoneFromTheIdListingAndTheDirectCostListSendsNoUndeclaredFilter() {
        List<Long> before = fx.client.directCostIds(2001001).collectList().block();
        fx.sandbox.data().delete(Resource.DIRECT_COSTS, 2001001, 7400101);

        List<DirectCost> listed = fx.client.directCosts(2001001, UpdatedSince.everything().withDeleted()).collectList().block();
        List<Long> after = fx.client.directCostIds(2001001).collectList().block();

        assertThat(before).contains(7400101L);
        assertThat(after).doesNotContain(7400101L).hasSize(before.size() - 1);
        assertThat(listed).extracting(DirectCost::id).doesNotContain(7400101L);
        assertThat(fx.sandbox.log().requests()).as("every request declared by its endpoint")
                .allSatisfy(r -> assertThat(DeclaredParameters.undeclared(r.method(), r.pathAndQuery())).isEmpty());
    }

    @Test
    void aDeletionAfterTheWatermarkIsSeenWithIncludeDeleted() {
        Instant watermark = Instant.now().minusSeconds(1);
        fx.sandbox.data().delete(Resource.PURCHASE_ORDER_CONTRACTS, 2001001, 7200102);
        assertThat(fx.client.purchaseOrderContracts(2001001, UpdatedSince.since(watermark)).collectList().block()).isEmpty();
        assertThat(fx.client.purchaseOrderContracts(2001001, UpdatedSince.since(watermark).withDeleted()).collectList().block())
                .singleElement().satisfies(c -> assertThat(c.deleted()).isTrue());
    }
}
