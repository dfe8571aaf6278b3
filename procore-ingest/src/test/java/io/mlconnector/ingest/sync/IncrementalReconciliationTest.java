package io.mlconnector.ingest.sync;

import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.sandbox.procore.DeclaredParameters;
import io.mlconnector.sandbox.procore.LoggedRequest;
import io.mlconnector.sandbox.procore.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reconciliation poll after a first full sync: idle cycles cost one list request per project × document type
 * (plus the company's vendor and project lists) and publish nothing; changed, deleted and new records and new
 * projects are picked up; a full re-sync re-reads everything and republishes nothing unchanged.
 */
@ExtendWith(NoBlockingCalls.class)
class IncrementalReconciliationTest {

    /**
     * Records in the demo data per type. The soft-deleted direct cost 7400405 is not among them: the direct-cost list
     * does not show deleted costs, and one never seen live needs no deleted version.
     */
    static final Map<SourceType, Long> DEMO_COUNTS = Map.of(SourceType.WORK_ORDER_CONTRACT, 21L,
            SourceType.PURCHASE_ORDER_CONTRACT, 6L, SourceType.REQUISITION, 13L, SourceType.DIRECT_COST, 21L,
            SourceType.COMMITMENT_CHANGE_ORDER, 7L, SourceType.PRIME_CHANGE_ORDER, 7L);
    static final int TYPES = 6;
    static final int COMPANY_LISTS = 2; // vendors, projects

    IngestFixture fixture;

    @BeforeEach
    void firstFullSync() {
        fixture = IngestFixture.demo();
        SyncReport first = fixture.sync();
        assertThat(first.read()).isEqualTo(DEMO_COUNTS);
        assertThat(first.published()).isEqualTo(DEMO_COUNTS);
        assertThat(fixture.topic.readNew()).hasSize(75);
        fixture.sandbox.clearLog();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void idleReconciliationPublishesNothingAndCostsOneRequestPerProjectPerType() {
        SyncReport idle = fixture.sync();

        assertThat(idle.totalPublished()).isZero();
        assertThat(idle.read()).as("nothing re-read inside the overlap").isEmpty();
        assertThat(fixture.topic.readNew()).isEmpty();
        List<LoggedRequest> calls = fixture.apiRequests();
        assertThat(calls).hasSize(COMPANY_LISTS + IngestFixture.DEMO_PROJECTS.size() * TYPES);
        assertThat(idle.procoreCalls()).isEqualTo(calls.size());
        assertThat(calls).as("only list requests, never a per-record fetch")
                .allSatisfy(r -> assertThat(r.family()).doesNotContain("/{id}/line_items").doesNotEndWith("/{id}"));
        assertThat(perProjectAndFamily(calls).values()).as("one request per project per list").allMatch(n -> n == 1);
        assertThat(calls).as("incremental lists carry the updated_at window")
                .filteredOn(r -> !r.family().endsWith("/vendors") && !r.family().endsWith("/projects"))
                .allSatisfy(r -> assertThat(r.pathAndQuery()).contains("filters%5Bupdated_at%5D"));
    }

    @Test
    void aChangedRecordIsPublishedAsExactlyOneNewVersion() {
        fixture.sandbox.data().update(Resource.WORK_ORDER_CONTRACTS, 2001002, 7100201, contract -> {
            ObjectNode line = (ObjectNode) contract.path("line_items").get(0);
            line.put("amount", new BigDecimal(line.path("amount").asString()).add(new BigDecimal("1234.56")).toPlainString());
        });
        fixture.sandbox.data().update(Resource.DIRECT_COSTS, 2001003, 7400302, cost -> { }); // a touch: updated_at only

        SyncReport changed = fixture.sync();

        assertThat(changed.published()).isEqualTo(Map.of(SourceType.WORK_ORDER_CONTRACT, 1L));
        assertThat(changed.read()).containsEntry(SourceType.DIRECT_COST, 1L);
        List<CostDocument> published = fixture.topic.readNew();
        assertThat(published).singleElement().satisfies(d -> {
            assertThat(d.getSourceId()).isEqualTo("7100201");
            assertThat(d.getLines().get(0).getAmount()).isEqualByComparingTo(
                    fixture.sandbox.data().find(Resource.WORK_ORDER_CONTRACTS, 2001002, 7100201).orElseThrow()
                            .path("line_items").get(0).path("amount").asString());
        });

        SyncReport again = fixture.sync();
        assertThat(again.totalPublished()).as("re-read inside the overlap, absorbed by revision").isZero();
        assertThat(fixture.topic.readNew()).isEmpty();
    }

    @Test
    void aDirectCostDeletedInProcoreIsPublishedAsDeletedOnceWhenTheDeletionCheckRuns() {
        fixture.sandbox.data().delete(Resource.DIRECT_COSTS, 2001001, 7400101);

        SyncReport idle = fixture.sync();
        assertThat(idle.totalPublished()).as("between checks an idle cycle lists only what changed").isZero();
        assertThat(fixture.apiRequests()).hasSize(COMPANY_LISTS + IngestFixture.DEMO_PROJECTS.size() * TYPES);
        fixture.sandbox.clearLog();

        fixture.deletionCheckDue();
        SyncReport check = fixture.sync();

        assertThat(check.published()).isEqualTo(Map.of(SourceType.DIRECT_COST, 1L));
        assertThat(check.deleted()).isEqualTo(Map.of(SourceType.DIRECT_COST, 1L));
        assertThat(fixture.topic.readNew()).singleElement().satisfies(d -> {
            assertThat(d.getSourceId()).isEqualTo("7400101");
            assertThat(d.getDeleted()).isTrue();
            assertThat(d.getLines()).as("the last version, marked deleted").isNotEmpty();
        });
        assertThat(fixture.apiRequests()).as("incremental lists + one id listing per project per type + one show")
                .hasSize(COMPANY_LISTS + 2 * IngestFixture.DEMO_PROJECTS.size() * TYPES + 1);
        assertThat(fixture.apiRequests()).as("every request is one its endpoint declares")
                .allSatisfy(r -> {
                    assertThat(r.status()).isLessThan(400);
                    assertThat(DeclaredParameters.undeclared(r.method(), r.pathAndQuery())).isEmpty();
                });

        fixture.deletionCheckDue();
        assertThat(fixture.sync().totalPublished()).as("published as deleted once").isZero();
        assertThat(fixture.topic.readNew()).isEmpty();
    }

    @Test
    void aDeleteWebhookPublishesTheRecordAsDeletedAtOnce() {
        long id = firstRequisition();
        fixture.sandbox.data().delete(Resource.REQUISITIONS, 2001001, id);

        Boolean published = fixture.sync.syncDeleted(fixture.tenant, TenantSync.byType(Readers.all())
                .get(SourceType.REQUISITION.name()), 2001001L, id).block();

        assertThat(published).isTrue();
        assertThat(fixture.topic.readNew()).singleElement().satisfies(d -> {
            assertThat(d.getSourceId()).isEqualTo(Long.toString(id));
            assertThat(d.getDeleted()).isTrue();
        });
        assertThat(fixture.sync.syncDeleted(fixture.tenant, TenantSync.byType(Readers.all())
                .get(SourceType.REQUISITION.name()), 2001001L, id).block()).as("a duplicate delivery").isFalse();
    }

    private long firstRequisition() {
        return fixture.sandbox.data().all(Resource.REQUISITIONS, 2001001).get(0).path("id").asLong();
    }

    @Test
    void aNewProjectIsPickedUpOnTheNextCycleWithoutRestart() {
        long newProject = 2001006L;
        ObjectNode project = fixture.sandbox.data().find(Resource.PROJECTS, IngestFixture.COMPANY, 2001001).orElseThrow();
        project.put("id", newProject).put("name", "Harbor Point Lab Building").put("project_number", "2026-010");
        fixture.sandbox.data().add(Resource.PROJECTS, IngestFixture.COMPANY, project);
        ObjectNode cost = fixture.sandbox.data().find(Resource.DIRECT_COSTS, 2001001, 7400101).orElseThrow();
        cost.put("id", 7460001L).put("invoice_number", "HP-0001");
        fixture.sandbox.data().add(Resource.DIRECT_COSTS, newProject, cost);

        SyncReport report = fixture.sync();

        assertThat(report.projects()).isEqualTo(6);
        assertThat(report.published()).isEqualTo(Map.of(SourceType.DIRECT_COST, 1L));
        assertThat(fixture.topic.readNew()).singleElement().satisfies(d -> {
            assertThat(d.getProjectId()).isEqualTo(newProject);
            assertThat(d.getProjectNumber()).isEqualTo("2026-010");
            assertThat(d.getNumber()).isEqualTo("HP-0001");
        });
        assertThat(fixture.sync().totalPublished()).isZero();
    }

    @Test
    void aFullResyncReReadsEverythingAndRepublishesNothingUnchanged() {
        SyncReport full = fixture.fullSync();

        assertThat(full.read()).isEqualTo(DEMO_COUNTS);
        assertThat(full.totalPublished()).isZero();
        assertThat(fixture.topic.readNew()).isEmpty();
        assertThat(fixture.apiRequests()).as("lists unfiltered by updated_at")
                .filteredOn(r -> r.family().endsWith("/requisitions"))
                .allSatisfy(r -> assertThat(r.pathAndQuery()).doesNotContain("updated_at"));

        SyncReport idle = fixture.sync();
        assertThat(idle.read()).as("watermarks are set again after the full pass").isEmpty();
    }

    /** Requests per (project, list family): the project comes from the path or the project_id parameter. */
    static Map<String, Long> perProjectAndFamily(List<LoggedRequest> calls) {
        return calls.stream().collect(Collectors.groupingBy(r -> project(r) + " " + r.family(), TreeMap::new,
                Collectors.counting()));
    }

    static String project(LoggedRequest r) {
        var m = java.util.regex.Pattern.compile("(?:projects/|project_id=)(\\d+)").matcher(r.pathAndQuery());
        return m.find() ? m.group(1) : "company";
    }
}
