package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testing.MutableClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Guards list semantics clients rely on: paging headers, updated_at ranges, include_deleted, views, v2 shapes. */
class ProcoreListingsTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private static ProcoreSandbox sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData()).withClock(CLOCK));
        token = token(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void pagingHeadersLinkEveryPageAndTheLastHasNoNext() {
        List<Long> ids = new ArrayList<>();
        String next = "/rest/v1.0/vendors?company_id=5001234&per_page=10";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = get(sandbox, token, next);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Total")).hasValue("31");
            assertThat(r.headers().firstValue("Per-Page")).hasValue("10");
            String link = r.headers().firstValue("Link").orElseThrow();
            assertThat(link).contains("rel=\"first\"").contains("rel=\"last\"");
            json(r).forEach(v -> ids.add(v.path("id").asLong()));
            pages++;
            next = nextLink(link);
        }
        assertThat(pages).isEqualTo(4);
        assertThat(ids).hasSize(31).doesNotHaveDuplicates().doesNotContain(3968030L);
    }

    static String nextLink(String linkHeader) {
        for (String part : linkHeader.split(",")) {
            if (part.contains("rel=\"next\"")) {
                String url = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
                return url.substring(url.indexOf("/rest/")).replace("%5B", "[").replace("%5D", "]");
            }
        }
        return null;
    }

    @Test
    void perPageIsCappedAtTheConfiguredMaximum() {
        HttpResponse<String> r = get(sandbox, token, "/rest/v1.0/vendors?company_id=5001234&per_page=5000");
        assertThat(r.headers().firstValue("Per-Page")).hasValue("1000");
    }

    @Test
    void updatedAtRangeAcceptsDatesDatetimesAndOffsets() {
        String base = "/rest/v1.0/work_order_contracts?project_id=2001001&filters[updated_at]=";
        int all = json(get(sandbox, token, "/rest/v1.0/work_order_contracts?project_id=2001001")).size();
        assertThat(json(get(sandbox, token, base + "2026-09-01...2026-12-31")).size()).isEqualTo(all);
        assertThat(json(get(sandbox, token, base + "2027-01-01T00:00:00Z...2027-02-01T00:00:00Z")).size()).isZero();
        assertThat(json(get(sandbox, token, base + "2026-08-31T17:00:00-07:00...2026-12-31T00:00:00+01:00")).size()).isEqualTo(all);
        assertThat(get(sandbox, token, base + "yesterday...today").statusCode()).isEqualTo(400);
    }

    @Test
    void changedRecordsShowUpInTheIncrementalWindow() {
        CLOCK.set(Instant.parse("2026-11-25T09:00:00Z"));
        sandbox.data().update(Resource.PURCHASE_ORDER_CONTRACTS, 2001002, 7200201,
                n -> n.put("title", "Framing Lumber (revised)"));
        JsonNode changed = json(get(sandbox, token,
                "/rest/v1.0/purchase_order_contracts?project_id=2001002&filters[updated_at]=2026-11-25T08:30:00Z...2026-11-25T10:00:00Z"));
        assertThat(changed.size()).isEqualTo(1);
        assertThat(changed.get(0).path("title").asString()).isEqualTo("Framing Lumber (revised)");
        assertThat(changed.get(0).path("updated_at").asString()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(changed.get(0).has("line_items")).as("compact list view has no lines").isFalse();
    }

    @Test
    void deletedDirectCostsAreNotListed() {
        assertThat(json(get(sandbox, token, "/rest/v1.1/projects/2001004/direct_costs")))
                .noneMatch(n -> n.hasNonNull("deleted_at"));
    }

    @Test
    void requisitionItemsOnlyWithExtendedView() {
        JsonNode plain = json(get(sandbox, token, "/rest/v1.1/requisitions?project_id=2001001"));
        JsonNode extended = json(get(sandbox, token, "/rest/v1.1/requisitions?project_id=2001001&view=extended"));
        assertThat(plain.get(0).has("items")).isFalse();
        assertThat(extended.get(0).path("items").size()).isPositive();
        assertThat(extended.get(0).path("items").get(0).path("work_completed_this_period").isString()).isTrue();
    }

    @Test
    void directCostListCarriesVendorNameAndShowCarriesLines() {
        JsonNode list = json(get(sandbox, token, "/rest/v1.1/projects/2001001/direct_costs"));
        JsonNode first = list.get(0);
        assertThat(first.path("vendor").isString()).isTrue();
        assertThat(first.has("line_items")).isFalse();
        JsonNode show = json(get(sandbox, token, "/rest/v1.1/projects/2001001/direct_costs/" + first.path("id").asLong()));
        assertThat(show.path("line_items").size()).isPositive();
        JsonNode lines = json(get(sandbox, token, "/rest/v1.0/projects/2001001/direct_costs/line_items?filters[direct_cost_id]="
                + first.path("id").asLong()));
        assertThat(lines.size()).isEqualTo(show.path("line_items").size());
        assertThat(lines.get(0).path("holder").path("id").asLong()).isEqualTo(first.path("id").asLong());
    }

    @Test
    void v2ChangeOrderLinesAreWrappedWithStringIdsAndDecimalStrings() {
        JsonNode cos = json(get(sandbox, token, "/rest/v1.0/projects/2001002/commitment_change_orders"));
        assertThat(cos.get(0).has("line_items")).isFalse();
        long id = cos.get(0).path("id").asLong();
        HttpResponse<String> r = get(sandbox, token,
                "/rest/v2.0/companies/5001234/projects/2001002/commitment_change_orders/" + id + "/line_items");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode line = json(r).path("data").get(0);
        assertThat(line.path("id").isString()).isTrue();
        assertThat(line.path("commitment_line_item_id").isString()).isTrue();
        assertThat(new BigDecimal(line.path("amount").asString())).isEqualByComparingTo("-7250.00");
        assertThat(r.headers().firstValue("Per-Page")).hasValue("10");
    }

    @Test
    void projectsDefaultToActiveAndAllIncludesTheInactiveOne() {
        assertThat(json(get(sandbox, token, "/rest/v1.1/projects?company_id=5001234")).size()).isEqualTo(4);
        assertThat(json(get(sandbox, token, "/rest/v1.1/projects?company_id=5001234&filters[by_status]=All")).size()).isEqualTo(5);
    }

    @Test
    void projectOfAnotherCompanyIsNotFound() {
        assertThat(get(sandbox, token, "/rest/v1.0/cost_codes?project_id=9999999").statusCode()).isEqualTo(404);
    }

    @Test
    void moneyKeepsItsTwoDecimalPlacesOnTheWire() {
        HttpResponse<String> r = get(sandbox, token, "/rest/v1.0/work_order_contracts/7100101?project_id=2001001");
        assertThat(r.body()).contains("\"grand_total\":\"186400.00\"");
    }

    @Test
    void requestLogRecordsCompanyHeaderAndFamilies() {
        sandbox.clearLog();
        get(sandbox, token, "/rest/v1.0/work_order_contracts/7100101?project_id=2001001");
        get(sandbox, token, "/rest/v1.0/work_order_contracts/7100102?project_id=2001001");
        assertThat(sandbox.requestCount()).isEqualTo(2);
        assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.companyHeader()).isEqualTo("5001234"));
        assertThat(sandbox.log().countsByFamily()).containsEntry("GET /rest/v1.0/work_order_contracts/{id}", 2L);
    }
}
