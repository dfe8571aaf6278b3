package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.bc.SandboxCompany;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The second demo company (demo-data/nordvik) run as a customer would run it:
 * {@code bin/ml-connector local --once --tenant demo-data/tenants/nordvik.json --procore-data … --bc-data …
 * --mapping …}. Its identities (a 64-bit Procore company id, its own BC tenant / environment / company and client
 * ids), its chart, policy accounts, journal batch and dimension codes all differ from the demo's: what posts must
 * land on its accounts and dimensions, and nothing on Harbor Ridge's numbers.
 */
class SecondCompanyLocalRunIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Path DATA = HOME.resolve("demo-data/nordvik");
    private static final long COMPANY = 1L << 49;
    private static final UUID BC_COMPANY = UUID.fromString("9d2c4e6f-1a3b-4c5d-8e7f-0a1b2c3d4e5f");
    private static final Set<String> DEMO_ACCOUNTS = Set.of("2110", "2120", "2130", "2140", "1810", "1815", "4910",
            "4915", "5110", "5120", "5130", "5140", "5150");

    /**
     * The full outcome from the data exactly as saved from the real APIs, and the mapping with its project-level
     * rows: project-level dimension values, commitment change order lines carrying their cost code in wbs_code,
     * wire-form enums and real BC bodies in the sandbox, and the vendor's invoice number on purchase invoices.
     */
    @Test
    void postsEveryDocumentTheRulesSayShouldPostWithTheMappingsDimensions() throws Exception {
        LocalOptions options = LocalOptions.parse(List.of("--once", "--tenant",
                HOME.resolve("demo-data/tenants/nordvik.json").toString(), "--procore-data",
                DATA.resolve("procore").toString(), "--bc-data", DATA.resolve("bc").toString(), "--mapping",
                DATA.resolve("mapping/nordvik.csv").toString()), HOME);

        // the BC data as the API returns it: @odata.etag, "_x0020_", 64-bit timestamps
        try (LocalRun run = LocalRun.start(options, System.out)) {
            assertThat(run.stack().tenant.id()).isEqualTo("nordvik");
            assertThat(run.stack().tenant.procore().companyId()).isEqualTo(COMPANY);
            RunSummary summary = run.syncOnce();
            System.out.print(summary.toText());
            SandboxCompany bc = run.stack().bc.company("3b9f8e2a-4c1d-4e5f-9a0b-1c2d3e4f5a6b", "Production-EU",
                    BC_COMPANY);

            assertThat(summary.failed()).isEmpty();
            assertThat(summary.documentsRead().values().stream().mapToLong(Long::longValue).sum())
                    .as("2 projects, 17 documents of 6 types").isEqualTo(17);
            // 4 purchase invoices: 2 requisitions (O'Brien, Åkerlund), 2 direct cost invoices (Müller, Lindqvist);
            // 9 journals: 4 commitments, 1 commitment change order, 2 prime change orders, 1 expense, 1 payroll
            assertThat(summary.postedByBcDocumentType()).containsEntry("PURCHASE_INVOICE", 4L)
                    .containsEntry("GENERAL_JOURNAL", 9L);
            // the Fjordkran requisition waits: its Procore vendor points at a BC vendor that was deleted and re-created
            assertThat(summary.parked()).extracting(RunSummary.Parked::sourceId).containsExactly("562949954300002");

            // a project-level rule: 24-017 / Phase B posts with JOB=24-017-B
            JsonNode obrien = postedInvoiceOf(bc, "LEV-0001");
            List<JsonNode> lines = bc.purchaseInvoiceLines(UUID.fromString(obrien.path("id").asString()));
            assertThat(lines).filteredOn(l -> l.path("lineObjectNumber").asString().equals("54300"))
                    .hasSize(2).allSatisfy(l -> assertThat(dimensions(l))
                            .containsExactlyInAnyOrder("JOB=24-017-B", "PHASE=03.300", "COSTCAT=SUB"));
            assertThat(lines).filteredOn(l -> l.path("lineObjectNumber").asString().equals("21500"))
                    .singleElement().satisfies(l -> assertThat(l.path("unitCost").decimalValue()
                            .multiply(l.path("quantity").decimalValue())).isEqualByComparingTo("-17500.00"));
            // the subcontractor's own number reaches BC
            assertThat(obrien.path("vendorInvoiceNumber").asString()).isEqualTo("OBS-2024-117/1");

            // the Åkerlund pay application on 24-031: its cost on 54300 with the tenant's dimensions, retainage on
            // the tenant's retainage payable account 21500
            List<JsonNode> akerlund = bc.purchaseInvoiceLines(UUID.fromString(
                    postedInvoiceOf(bc, "LEV-0003").path("id").asString()));
            assertThat(akerlund).filteredOn(l -> l.path("lineObjectNumber").asString().equals("54300"))
                    .singleElement().satisfies(l -> {
                        assertThat(l.path("unitCost").decimalValue().multiply(l.path("quantity").decimalValue()))
                                .isEqualByComparingTo("59500.00");
                        assertThat(dimensions(l)).containsExactlyInAnyOrder("JOB=24-031", "PHASE=26.100",
                                "COSTCAT=SUB");
                    });
            assertThat(akerlund).anyMatch(l -> l.path("lineObjectNumber").asString().equals("21500")
                    && l.path("quantity").decimalValue().signum() < 0);

            // wire-form enums: a vendor blocked for "Payment" still takes invoices
            assertThat(postedInvoiceOf(bc, "LEV-0005")).isNotNull();

            // change-order lines without a commitment line: each change order line posts with its own cost code and type
            List<JsonNode> entries = bc.generalLedgerEntries().stream()
                    .filter(e -> e.path("accountNumber").asString().equals("19100")).toList();
            assertThat(entries).anySatisfy(e -> assertThat(dimensions(e))
                    .contains("JOB=24-017-B", "PHASE=09.250", "COSTCAT=SUB"));
            // prime change orders post one line per change-order line
            // (55000 + 12500 on 24-017-B, 31000 on 24-031)
            assertThat(bc.generalLedgerEntries().stream()
                    .filter(e -> e.path("accountNumber").asString().equals("39100"))).hasSize(3);
            assertThat(bc.generalLedgerEntries().stream().map(e -> e.path("accountNumber").asString()))
                    .contains("19150", "39150", "21600", "21700").doesNotContainAnyElementsOf(DEMO_ACCOUNTS);
            assertThat(bc.purchaseInvoices().stream()
                    .flatMap(i -> bc.purchaseInvoiceLines(UUID.fromString(i.path("id").asString())).stream())
                    .map(l -> l.path("lineObjectNumber").asString())).doesNotContainAnyElementsOf(DEMO_ACCOUNTS);
        }
    }

    private static JsonNode postedInvoiceOf(SandboxCompany bc, String vendorNumber) {
        return bc.purchaseInvoices().stream()
                .filter(i -> vendorNumber.equals(i.path("vendorNumber").asString())
                        && !"Draft".equals(i.path("status").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no posted invoice on vendor " + vendorNumber));
    }

    private static List<String> dimensions(JsonNode line) {
        return Stream.of(line.path("dimensionSetLines")).flatMap(a -> a.valueStream())
                .map(d -> d.path("code").asString() + "=" + d.path("valueCode").asString()).toList();
    }
}
