package io.mlconnector.mapping.core;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.SourceType;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.MapperHarness;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.mapping.policy.PostingTreatment;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Only approved documents on active projects move; the rest are skipped (not parked) with a reason. */
class SkippedDocumentsTest {
    private final MapperHarness harness = new MapperHarness();

    private String skipReason(io.mlconnector.events.CostDocument document) {
        MappingOutcome outcome = harness.mapper().map(document);
        assertThat(outcome).isInstanceOf(MappingOutcome.Skipped.class);
        return ((MappingOutcome.Skipped) outcome).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "pending", "rejected", "void", "Revise and Resubmit", "under_review"})
    void unapprovedStatusesAreSkipped(String status) {
        var document = Docs.document(SourceType.REQUISITION, "1", List.of(line("r1", "99-900", "M", "1.00")))
                .setStatus(status).setApproved(false).build();
        assertThat(skipReason(document)).contains(status, "not approved");
    }

    @Test
    void voidStatusIsSkippedEvenIfFlaggedApproved() {
        var document = Docs.document(SourceType.REQUISITION, "1", List.of(line("r1", "03-300", "S", "1.00")))
                .setStatus("Void").build();
        assertThat(skipReason(document)).contains("not approved");
    }

    @Test
    void deletedDocumentsAreSkipped() {
        var document = Docs.document(SourceType.DIRECT_COST, "2", List.of(line("e1", "01-100", "O", "1.00")))
                .setDirectCostType("expense").setDeleted(true).build();
        assertThat(skipReason(document)).contains("deleted");
    }

    @Test
    void inactiveProjectIsSkippedEvenWithMappingProblems() {
        var document = Docs.document(SourceType.REQUISITION, "3", List.of(line("r1", "99-900", "M", "1.00")))
                .setProjectId(2001005L).setProjectNumber("2023-009").setProjectActive(false).build();
        assertThat(skipReason(document)).isEqualTo("project 2023-009 is inactive");
    }

    @Test
    void tenantPolicyCanSkipCommitments() {
        harness.settings = io.mlconnector.mapping.fixtures.HarborRidge.settings().withPolicy(
                PostingPolicy.DEFAULTS.with(DocumentCategory.COMMITMENT, PostingTreatment.SKIP));
        var document = Docs.document(SourceType.PURCHASE_ORDER_CONTRACT, "4", List.of(line("c1", "03-300", "M", "1.00"))).build();
        assertThat(skipReason(document)).contains("posting policy", "commitment");
    }

    @Test
    void theTenantsApprovedStatusesDecideWhatPosts() {
        // Before, the statuses were fixed in code: a tenant whose requisitions post once the architect has approved
        // them (pending_owner_approval) could not say so, and one that posts only "approved" could not either.
        var pendingOwner = Docs.document(SourceType.REQUISITION, "5", List.of(line("r1", "03-300", "S", "1.00")))
                .setStatus("pending_owner_approval").setApproved(false).build();
        var approvedAsNoted = Docs.document(SourceType.REQUISITION, "6", List.of(line("r1", "03-300", "S", "1.00")))
                .setStatus("approved_as_noted").build();
        assertThat(skipReason(pendingOwner)).contains("'pending_owner_approval' is not approved",
                "postingPolicy.approvedStatuses.requisitions");
        assertThat(harness.mapper().map(approvedAsNoted)).isNotInstanceOf(MappingOutcome.Skipped.class);

        var earlier = io.mlconnector.tenant.ApprovedStatuses.PROCORE_DEFAULTS.byType();
        var statuses = new java.util.EnumMap<>(earlier);
        statuses.put(io.mlconnector.tenant.DocumentType.REQUISITION,
                java.util.Set.of("approved", "pending_owner_approval"));
        harness.settings = harness.settings.withPolicy(new PostingPolicy(harness.settings.policy().treatments(),
                new io.mlconnector.tenant.ApprovedStatuses(statuses)));
        assertThat(harness.mapper().map(pendingOwner)).isNotInstanceOf(MappingOutcome.Skipped.class);
        assertThat(skipReason(approvedAsNoted)).contains("'approved_as_noted' is not approved");
    }
}
