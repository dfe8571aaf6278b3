package io.mlconnector.sandbox.procore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Guards the demo data against drifting from the demo catalogue (demo-data/README) or becoming internally inconsistent. */
class DemoDataConsistencyTest {

    private final SandboxData data = SandboxData.load(SandboxHttp.demoData(), java.time.Clock.systemUTC());
    private static final long CID = 5001234L;

    @Test
    void catalogueIdsAndVendors() {
        assertThat(data.all(Resource.PROJECTS, CID)).extracting(p -> p.path("id").asLong())
                .containsExactly(2001001L, 2001002L, 2001003L, 2001004L, 2001005L);
        assertThat(data.all(Resource.VENDORS, CID)).hasSize(31)
                .noneMatch(v -> v.path("id").asLong() == 3968030L)
                .allSatisfy(v -> {
                    long i = v.path("id").asLong() - 3968000L;
                    if (i == 31 || i == 32) {
                        assertThat(v.path("origin_id").isNull()).isTrue();
                    } else {
                        assertThat(v.path("origin_id").asString()).isEqualTo(String.format("8f3c2a10-0000-4000-a000-0000000000%02d", i));
                    }
                });
        assertThat(data.all(Resource.COST_CODES, 2001003)).hasSize(14)
                .anySatisfy(c -> assertThat(c.path("id").asLong()).isEqualTo(80003014L));
    }

    @Test
    void totalsEqualTheSumOfLinesAndRequisitionsStayWithinTheirLines() {
        data.projectIds().forEach(pid -> {
            Map<Long, BigDecimal> lineValue = new HashMap<>();
            for (Resource r : new Resource[] {Resource.WORK_ORDER_CONTRACTS, Resource.PURCHASE_ORDER_CONTRACTS, Resource.DIRECT_COSTS,
                    Resource.COMMITMENT_CHANGE_ORDERS, Resource.PRIME_CHANGE_ORDERS}) {
                for (ObjectNode doc : data.all(r, pid)) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (JsonNode line : doc.path("line_items")) {
                        BigDecimal amount = new BigDecimal(line.path("amount").asString());
                        assertThat(amount.scale()).isEqualTo(2);
                        sum = sum.add(amount);
                        lineValue.put(line.path("id").asLong(), amount);
                    }
                    assertThat(sum).as(r + " " + doc.path("id")).isEqualByComparingTo(doc.path("grand_total").asString());
                    assertTimestamp(doc.path("updated_at").asString());
                }
            }
            Map<Long, BigDecimal> billed = new HashMap<>();
            for (ObjectNode req : data.all(Resource.REQUISITIONS, pid)) {
                BigDecimal gross = BigDecimal.ZERO;
                for (JsonNode item : req.path("items")) {
                    long line = item.path("line_item_id").asLong();
                    assertThat(lineValue).containsKey(line);
                    BigDecimal thisPeriod = new BigDecimal(item.path("work_completed_this_period").asString())
                            .add(new BigDecimal(item.path("materials_presently_stored").asString()));
                    billed.merge(line, thisPeriod, BigDecimal::add);
                    assertThat(billed.get(line)).isLessThanOrEqualTo(lineValue.get(line));
                    gross = gross.add(thisPeriod);
                }
                assertThat(gross).isEqualByComparingTo(req.path("total_claimed_amount").asString());
                assertTimestamp(req.path("updated_at").asString());
            }
        });
    }

    private static void assertTimestamp(String text) {
        Instant t = Instant.parse(text);
        assertThat(t).isBetween(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-11-30T23:59:59Z"));
    }
}
