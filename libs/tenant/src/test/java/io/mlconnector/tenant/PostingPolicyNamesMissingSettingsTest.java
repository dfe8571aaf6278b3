package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's posting depends on accounts in its own chart: nothing may fall back to another chart's numbers, and
 * a missing account for a document type that posts is refused when the file is read, naming the setting.
 */
class PostingPolicyNamesMissingSettingsTest {

    private static final PolicyAccounts ALL = new PolicyAccounts("2120", "2140", "2130", "1810", "1815", "4910", "4915");
    private static final DimensionCodes CODES = new DimensionCodes("job", "jobtask", "costtype");

    @TempDir
    Path dir;

    @Test
    void aMissingRetainageAccountIsRefusedNamingTheSettingAndTheWayOut() throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, TenantFixtures.plaintextFile().replace("\"retainagePayableAccount\": \"2120\",", ""));

        assertThatThrownBy(() -> TenantFile.allowingPlaintextSecrets(null).read(file))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("('harbor-ridge')")
                .hasMessageContaining("postingPolicy.retainagePayableAccount is required because requisitions post as"
                        + " purchase invoices; set it or set postingPolicy.documents.requisitions to \"do not post\"");
    }

    @Test
    void aTenantFileWithoutAPostingPolicyIsRefused() throws IOException {
        Path file = dir.resolve("tenants.json");
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var root = json.readTree(TenantFixtures.plaintextFile());
        ((tools.jackson.databind.node.ObjectNode) root.path("tenants").get(0)).remove("postingPolicy");
        Files.writeString(file, json.writeValueAsString(root));

        assertThatThrownBy(() -> TenantFile.allowingPlaintextSecrets(null).read(file))
                .hasMessageContaining("postingPolicy is required");
    }

    @Test
    void noAccountHasADefault() {
        assertThatThrownBy(() -> new PostingPolicy(Map.of(), PolicyAccounts.NONE, null, CODES))
                .hasMessageContaining("postingPolicy.retainagePayableAccount is required")
                .hasMessageContaining("postingPolicy.expenseClearingAccount is required because direct cost expenses"
                        + " post as cost journal lines")
                .hasMessageContaining("postingPolicy.accruedPayrollAccount is required")
                .hasMessageContaining("postingPolicy.commitmentAccount is required because commitments post as"
                        + " commitment memo journal lines and commitment change orders post as commitment memo journal"
                        + " lines; set it or set postingPolicy.documents.commitments and"
                        + " postingPolicy.documents.commitmentChangeOrders to \"do not post\"")
                .hasMessageContaining("postingPolicy.contractValueContraAccount is required")
                .hasMessageContaining("postingPolicy.journalBatch is required");
    }

    @Test
    void doNotPostNeedsNoAccount() {
        PostingPolicy onlyRequisitions = PostingPolicy.NOTHING_POSTED.with(DocumentType.REQUISITION,
                Treatment.DO_NOT_POST);
        assertThat(onlyRequisitions.postsAnything()).isFalse();

        PostingPolicy invoicesOnly = new PostingPolicy(Map.of(
                DocumentType.DIRECT_COST_EXPENSE, Treatment.DO_NOT_POST,
                DocumentType.DIRECT_COST_PAYROLL, Treatment.DO_NOT_POST,
                DocumentType.COMMITMENT, Treatment.DO_NOT_POST,
                DocumentType.COMMITMENT_CHANGE_ORDER, Treatment.DO_NOT_POST,
                DocumentType.PRIME_CHANGE_ORDER, Treatment.DO_NOT_POST),
                new PolicyAccounts("21500", null, null, null, null, null, null), null, CODES);
        assertThat(invoicesOnly.postsJournals()).isFalse();
        assertThat(invoicesOnly.dimensionCodes().project()).isEqualTo("JOB");
    }

    @Test
    void dimensionCodesAreRequiredWhenAnythingPosts() {
        assertThatThrownBy(() -> new PostingPolicy(Map.of(), ALL, "PROCORE", DimensionCodes.NONE))
                .hasMessageContaining("postingPolicy.dimensionCodes.project is required");
    }

    @Test
    void aTreatmentThatDoesNotFitTheDocumentIsRefused() {
        assertThatThrownBy(() -> new PostingPolicy(Map.of(DocumentType.COMMITMENT, Treatment.PURCHASE_INVOICE), ALL,
                "PROCORE", CODES))
                .hasMessageContaining("postingPolicy.documents.commitments cannot be \"purchase invoice\"");
    }

    @Test
    void aJournalBatchLongerThanBcAllowsIsRefused() {
        assertThatThrownBy(() -> new PostingPolicy(Map.of(), ALL, "PROCORE-SYNC", CODES))
                .hasMessageContaining("postingPolicy.journalBatch");
    }

    @Test
    void writtenAndReadBackUnchanged() throws IOException {
        Path file = dir.resolve("tenants.json");
        TenantFile format = new TenantFile(new io.mlconnector.tenant.crypto.SecretCipher(io.mlconnector.tenant.crypto.KeyRing.parse(TestKeys.K1)));
        format.write(file, java.util.List.of(TenantFixtures.harborRidge()));

        assertThat(format.read(file).get(0).postingPolicy()).isEqualTo(TenantFixtures.policy());
    }
}
