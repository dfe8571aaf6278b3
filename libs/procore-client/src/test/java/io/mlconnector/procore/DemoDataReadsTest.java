package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostType;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.model.VendorSyncResult;
import io.mlconnector.procore.model.VendorWrite;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guards the typed mapping of the demo data and the call budget of each read (no N+1 where avoidable). */
class DemoDataReadsTest {

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
    void requisitionsComeWithItemsInOneRequestPerPage() {
        List<Requisition> reqs = fx.client.requisitions(2001001, UpdatedSince.everything()).collectList().block();

        assertThat(fx.apiRequests()).hasSize(1);
        assertThat(fx.apiRequests().get(0).pathAndQuery()).contains("view=extended");
        assertThat(reqs).hasSize(4).allSatisfy(r -> assertThat(r.items()).isNotEmpty());
        Requisition withMaterials = reqs.stream().filter(r -> r.id() == 7300102).findFirst().orElseThrow();
        RequisitionItem item = withMaterials.items().get(0);
        assertThat(item.lineItemId()).isNotNull();
        assertThat(item.materialsPresentlyStored()).isPositive();
        assertThat(item.retainageRetainedThisPeriod())
                .isEqualByComparingTo(item.workRetainageRetainedThisPeriod().add(item.materialsRetainageRetained()));
        assertThat(item.retainageRetainedThisPeriod().scale()).isEqualTo(2);
        BigDecimal gross = withMaterials.items().stream().map(RequisitionItem::grossThisPeriod).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(gross).isEqualByComparingTo(withMaterials.totalClaimedAmount());
    }

    @Test
    void directCostLinesComeFromTheProjectLineListNotOneCallPerCost() {
        List<DirectCost> costs = fx.client.directCosts(2001001, UpdatedSince.everything()).collectList().block();

        assertThat(costs).hasSize(6).allSatisfy(c -> {
            assertThat(c.lines()).isNotEmpty();
            assertThat(c.lines().stream().map(l -> l.amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(c.grandTotal());
        });
        assertThat(fx.apiRequests()).hasSize(2); // header list + project line list
        DirectCost payroll = costs.stream().filter(c -> c.type() == DirectCostType.PAYROLL).findFirst().orElseThrow();
        assertThat(payroll.employee()).isNotNull();
        assertThat(costs).anySatisfy(c -> assertThat(c.lines()).anySatisfy(l ->
                assertThat(l.costCode().fullCode()).isEqualTo("99-900")));
    }

    @Test
    void changeOrdersCarryV2LinesWithExactAmounts() {
        List<ChangeOrder> ccos = fx.client.commitmentChangeOrders(2001002, UpdatedSince.everything()).collectList().block();
        assertThat(ccos).singleElement().satisfies(co -> {
            assertThat(co.grandTotal()).isEqualByComparingTo("-7250.00");
            assertThat(co.lines()).singleElement().satisfies(l -> {
                assertThat(l.amount()).isEqualTo(new BigDecimal("-7250.00"));
                assertThat(l.commitmentLineItemId()).isEqualTo(71002022L);
                assertThat(l.costCode().fullCode()).isEqualTo("09-200");
                assertThat(l.lineItemType().code()).isEqualTo("S");
            });
        });
        ChangeOrder prime = fx.client.changeOrder(io.mlconnector.procore.model.ChangeOrderKind.PRIME, 2001001, 7600101).block();
        assertThat(prime.lines()).singleElement().satisfies(l -> assertThat(l.primeLineItemId()).isNotNull());
    }

    @Test
    void vendorWritesCreateAndUpsert() {
        var created = fx.client.createVendor(VendorWrite.named("Summit Survey Group",
                "8f3c2a10-0000-4000-a000-000000000030")).block();
        assertThat(created.id()).isPositive();
        assertThat(created.originId()).isEqualTo("8f3c2a10-0000-4000-a000-000000000030");

        VendorSyncResult result = fx.client.syncVendors(List.of(
                VendorWrite.named("Apex Concrete Inc.", "8f3c2a10-0000-4000-a000-000000000001"),
                new VendorWrite(1L, "Ghost", null, null, null, null, null, null, null, null, null, null, null))).block();
        assertThat(result.entities()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.errors()).containsKey("id"));
    }

    @Test
    void inactiveVendorsAreListedApartFromActiveOnes() {
        fx.client.syncVendors(List.of(new VendorWrite(3968029L, null, null, null, null, false, null, null, null,
                null, null, null, null))).block();

        assertThat(fx.client.inactiveVendors().collectList().block())
                .singleElement().satisfies(v -> {
                    assertThat(v.id()).isEqualTo(3968029L);
                    assertThat(v.isActive()).isFalse();
                });
        assertThat(fx.client.vendors(UpdatedSince.everything()).collectList().block())
                .noneMatch(v -> v.id() == 3968029L);
    }

    @Test
    void listenerCountsEveryExchange() {
        fx.client.workOrderContracts(2001002, UpdatedSince.everything()).collectList().block();
        assertThat(fx.calls).hasSize(fx.apiRequests().size()).hasSize(1 + 4);
        assertThat(fx.calls).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    }
}
