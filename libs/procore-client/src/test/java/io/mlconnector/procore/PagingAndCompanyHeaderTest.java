package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guards against stopping after the first page, relying on server default page sizes, and a missing company header. */
class PagingAndCompanyHeaderTest {

    private SandboxFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void followsLinkNextAcrossPagesWithExplicitPerPage() {
        fx = new SandboxFixture(ProcoreSandboxOptions.defaults(SandboxFixture.demoData()), Clock.systemUTC(),
                SandboxFixture.fastRetries().withPerPage(7));
        List<ProcoreVendor> vendors = fx.client.vendors(UpdatedSince.everything()).collectList().block();

        assertThat(vendors).hasSize(31);
        assertThat(vendors).extracting(ProcoreVendor::id).doesNotHaveDuplicates();
        assertThat(fx.apiRequests()).hasSize(5);
        assertThat(fx.apiRequests()).allSatisfy(r -> assertThat(r.pathAndQuery()).contains("per_page=7"));
        assertThat(fx.calls).hasSize(5);
    }

    @Test
    void everyApiCallCarriesTheCompanyHeader() {
        fx = SandboxFixture.defaults();
        fx.client.companies().collectList().block();
        fx.client.projects().collectList().block();
        fx.client.lineItemTypes().collectList().block();
        fx.client.costCodes(2001001).collectList().block();
        fx.client.workOrderContracts(2001001, UpdatedSince.everything()).collectList().block();
        fx.client.commitmentChangeOrders(2001001, UpdatedSince.everything()).collectList().block();

        assertThat(fx.apiRequests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.companyHeader()).isEqualTo("5001234"));
        assertThat(fx.apiRequests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void projectsIncludeTheInactiveOne() {
        fx = SandboxFixture.defaults();
        assertThat(fx.client.projects().collectList().block())
                .extracting(p -> p.projectNumber() + ":" + p.active())
                .containsExactly("2024-001:true", "2024-002:true", "2025-003:true", "2025-004:true", "2023-009:false");
    }
}
