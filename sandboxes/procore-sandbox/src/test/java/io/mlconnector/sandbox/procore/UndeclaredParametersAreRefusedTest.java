package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A query parameter the real endpoint does not declare (Procore's REST reference, {@link DeclaredParameters}) is
 * refused with 400 naming it, or ignored with {@link UndeclaredParameters#IGNORE}; never honoured. The bug class:
 * a connector relying on {@code filters[include_deleted]} for direct costs, which only the sandbox understood.
 */
class UndeclaredParametersAreRefusedTest {

    @Test
    void includeDeletedOnTheDirectCostListIsRefusedWithItsName() {
        try (ProcoreSandbox sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData()))) {
            String token = token(sandbox);
            HttpResponse<String> r = get(sandbox, token, "/rest/v1.1/projects/2001004/direct_costs?filters[include_deleted]=with");

            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r).path("message").asString()).contains("filters[include_deleted]");
            assertThat(get(sandbox, token, "/rest/v1.0/projects/2001001/commitment_change_orders?per_page=10").statusCode())
                    .as("the v1.0 change-order list declares no paging").isEqualTo(400);
            assertThat(get(sandbox, token, "/rest/v1.0/cost_codes?project_id=2001001&filters[id][]=1").statusCode())
                    .as("an array filter with [] is the declared filters[id]").isEqualTo(200);
        }
    }

    @Test
    void ignoredUndeclaredParameterHasNoEffect() {
        try (ProcoreSandbox sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData())
                .withUndeclaredParameters(UndeclaredParameters.IGNORE))) {
            String token = token(sandbox);
            String base = "/rest/v1.1/projects/2001004/direct_costs";
            JsonNode plain = json(get(sandbox, token, base));
            HttpResponse<String> with = get(sandbox, token, base + "?filters[include_deleted]=only");

            assertThat(with.statusCode()).isEqualTo(200);
            assertThat(json(with)).isEqualTo(plain);
            assertThat(plain).noneMatch(n -> n.hasNonNull("deleted_at"));
        }
    }

    @Test
    void includeDeletedWorksWhereTheListDeclaresIt() {
        try (ProcoreSandbox sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData()))) {
            String token = token(sandbox);
            sandbox.data().delete(Resource.PURCHASE_ORDER_CONTRACTS, 2001002, 7200201);
            String base = "/rest/v1.0/purchase_order_contracts?project_id=2001002";
            int visible = json(get(sandbox, token, base)).size();
            JsonNode only = json(get(sandbox, token, base + "&filters[include_deleted]=only"));

            assertThat(json(get(sandbox, token, base + "&filters[include_deleted]=with")).size()).isEqualTo(visible + 1);
            assertThat(only).singleElement().satisfies(n -> assertThat(n.path("deleted_at").isNull()).isFalse());
        }
    }

    @Test
    void theTableReadsLoggedRequests() {
        assertThat(DeclaredParameters.undeclared("GET",
                "/rest/v1.1/projects/1/direct_costs?per_page=100&filters%5Binclude_deleted%5D=with"))
                .containsExactly("filters[include_deleted]");
        assertThat(DeclaredParameters.undeclared("GET", "/rest/v1.1/projects/1/direct_costs/2")).isEmpty();
        assertThat(DeclaredParameters.undeclared("GET",
                "/rest/v1.0/projects/1/direct_costs/line_items?per_page=100&filters%5Bdirect_cost_id%5D=3")).isEmpty();
    }
}
