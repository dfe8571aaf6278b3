package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Procore statuses in which each document type posts are a tenant setting (postingPolicy.approvedStatuses),
 * Procore's own approved statuses when the file does not name them, and checked against Procore's status values.
 */
class ApprovedStatusesPerDocumentTypeTest {

    @TempDir
    Path dir;

    private Tenant read(String approvedStatuses) throws IOException {
        String file = TenantFixtures.plaintextFile();
        if (approvedStatuses != null) {
            file = file.replace("\"postingPolicy\": {", "\"postingPolicy\": { \"approvedStatuses\": " + approvedStatuses
                    + ",");
        }
        assertThat(file).contains(approvedStatuses == null ? "postingPolicy" : "approvedStatuses");
        Path path = Files.writeString(dir.resolve("tenants.json"), file);
        return TenantFile.allowingPlaintextSecrets(null).read(path).get(0);
    }

    @Test
    void aFileWithoutTheSettingPostsInProcoresOwnApprovedStatuses() throws IOException {
        ApprovedStatuses statuses = read(null).postingPolicy().approvedStatuses();
        assertThat(statuses.of(DocumentType.REQUISITION)).containsExactly("approved", "approved_as_noted");
        assertThat(statuses.of(DocumentType.COMMITMENT)).contains("Approved", "Complete");
        assertThat(statuses.of(DocumentType.DIRECT_COST_INVOICE)).containsExactly("approved");
        assertThat(statuses.approves(DocumentType.REQUISITION, "pending_owner_approval")).isFalse();
    }

    @Test
    void oneTenantPostsOnlyApprovedRequisitionsAnotherAlsoThoseAwaitingTheOwner() throws IOException {
        Tenant strict = read("{\"requisitions\": [\"approved\"]}");
        Tenant early = read("{\"requisitions\": [\"Approved\", \"approved_as_noted\", \"pending_owner_approval\"],"
                + " \"directCostExpenses\": [\"approved\", \"pending\"]}");

        assertThat(strict.postingPolicy().approvedStatuses().approves(DocumentType.REQUISITION, "approved_as_noted"))
                .isFalse();
        assertThat(early.postingPolicy().approvedStatuses().approves(DocumentType.REQUISITION,
                "pending_owner_approval")).isTrue();
        // Procore's spelling is kept whatever case the file uses; types left out keep Procore's statuses
        assertThat(early.postingPolicy().approvedStatuses().of(DocumentType.REQUISITION))
                .containsExactly("approved", "approved_as_noted", "pending_owner_approval");
        assertThat(early.postingPolicy().approvedStatuses().of(DocumentType.DIRECT_COST_INVOICE))
                .containsExactly("approved");
        assertThat(early.postingPolicy().approvedStatuses().approves(DocumentType.DIRECT_COST_EXPENSE, "pending"))
                .isTrue();
    }

    @Test
    void aStatusProcoreDoesNotHaveIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> read("{\"requisitions\": [\"approved\", \"aproved\"]}"))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("postingPolicy.approvedStatuses.requisitions: 'aproved' is not a Procore status"
                        + " of requisitions")
                .hasMessageContaining("\"approved_as_noted\"");
        // "pending" is a direct cost status, not a requisition status
        assertThatThrownBy(() -> read("{\"requisitions\": [\"pending\"]}"))
                .hasMessageContaining("postingPolicy.approvedStatuses.requisitions: 'pending' is not");
    }

    @Test
    void voidStatusesAnEmptyListAndUnknownTypesAreRefused() {
        assertThatThrownBy(() -> read("{\"commitments\": [\"Approved\", \"Void\"]}"))
                .hasMessageContaining("postingPolicy.approvedStatuses.commitments: 'Void' means the document no"
                        + " longer stands");
        assertThatThrownBy(() -> read("{\"primeChangeOrders\": []}"))
                .hasMessageContaining("postingPolicy.approvedStatuses.primeChangeOrders lists no status")
                .hasMessageContaining("\"do not post\"");
        assertThatThrownBy(() -> read("{\"invoices\": [\"approved\"]}"))
                .hasMessageContaining("unknown document type postingPolicy.approvedStatuses.invoices");
        assertThatThrownBy(() -> read("{\"requisitions\": \"approved\"}"))
                .hasMessageContaining("postingPolicy.approvedStatuses.requisitions must be a list of Procore statuses");
    }

    @Test
    void changingAnotherTypeKeepsTheTenantsStatuses() throws IOException {
        Tenant early = read("{\"requisitions\": [\"approved\", \"pending_owner_approval\"]}");
        assertThat(early.postingPolicy().withApprovedStatuses(java.util.Map.of()).approvedStatuses().of(
                DocumentType.REQUISITION)).containsExactly("approved", "pending_owner_approval");
    }
}
