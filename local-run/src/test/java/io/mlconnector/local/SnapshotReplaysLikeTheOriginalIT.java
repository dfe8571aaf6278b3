package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.local.snapshot.SnapshotCommand;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.bc.RequestLogEntry;
import io.mlconnector.sandbox.procore.LoggedRequest;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "See if we fit, on a copy of your own books": a pair of sandboxes seeded from a company's data plays the real
 * Procore and Business Central; {@code bin/ml-connector snapshot} copies them (GET and token requests only), and
 * {@code local --once} on the copy must end exactly as {@code local --once} on the original data: the same documents
 * read, the same documents posted per BC document type, the same documents parked for the same reasons, the same
 * failures. Run for both demo companies, whose identities, charts and conventions differ.
 */
class SnapshotReplaysLikeTheOriginalIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void harborRidgeCopyPostsAndParksLikeTheOriginal(@TempDir Path temp) throws Exception {
        sameOutcome(temp, HOME.resolve("demo-data/tenants/harbor-ridge.json"), HOME.resolve("demo-data/procore"),
                HOME.resolve("demo-data/bc"), HOME.resolve("demo-data/mapping/harbor-ridge.csv"));
    }

    @Test
    void nordvikCopyPostsAndParksLikeTheOriginal(@TempDir Path temp) throws Exception {
        Path data = HOME.resolve("demo-data/nordvik");
        sameOutcome(temp, HOME.resolve("demo-data/tenants/nordvik.json"), data.resolve("procore"), data.resolve("bc"),
                data.resolve("mapping/nordvik.csv"));
    }

    private static void sameOutcome(Path temp, Path tenantFile, Path procoreData, Path bcData, Path mapping)
            throws Exception {
        Path out = temp.resolve("snapshot");
        long started = System.nanoTime();
        try (ProcoreSandbox procore = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(procoreData));
             BcSandbox bc = BcSandbox.start(BcSandboxOptions.builder().dataDir(bcData).build())) {
            Path tenant = SandboxTenantFile.write(tenantFile, procore, bc, temp.resolve("tenant-at-sandboxes.json"));
            ByteArrayOutputStream terminal = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(terminal, true, StandardCharsets.UTF_8);
            int exit = SnapshotCommand.run(List.of("--tenant", tenant.toString(), "--out", out.toString()), print,
                    print, Map.of());
            String shown = terminal.toString(StandardCharsets.UTF_8);
            System.out.print(shown);
            assertThat(exit).as(shown).isZero();

            // nothing but reads (and the OAuth token requests) reached the systems playing the real ones
            List<LoggedRequest> procoreRequests = procore.log().requests();
            assertThat(procoreRequests).isNotEmpty().allSatisfy(r -> assertThat(
                    r.method().equals("GET") || (r.method().equals("POST") && r.path().equals("/oauth/token")))
                    .as(r.method() + " " + r.pathAndQuery()).isTrue());
            List<RequestLogEntry> bcRequests = bc.requestLog();
            assertThat(bcRequests).isNotEmpty().allSatisfy(r -> assertThat(r.method().equals("GET")
                    || (r.method().equals("POST") && r.pathAndQuery().endsWith("/oauth2/v2.0/token")))
                    .as(r.method() + " " + r.pathAndQuery()).isTrue());
            assertThat(procoreRequests).noneMatch(r -> r.status() == 429);
            // progress on the terminal: what is read, counts, calls
            assertThat(shown).contains("requisitions (with items)", "direct costs (with lines)",
                    "commitment change orders (with lines)", "G/L accounts", "dimension values", "calls so far",
                    procore.log().requests().stream().filter(r -> r.path().startsWith("/rest/")).count()
                            + " Procore calls");
        }
        System.out.printf("snapshot: %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertNoSecretIn(out, tenantFile);

        RunSummary fromCopy = once(tenantFile, out.resolve("procore"), out.resolve("bc"), mapping);
        RunSummary direct = once(tenantFile, procoreData, bcData, mapping);
        assertThat(direct.totalPosted()).as("the original run posts something to compare").isPositive();
        assertThat(fromCopy.documentsRead()).isEqualTo(direct.documentsRead());
        assertThat(fromCopy.postedByBcDocumentType()).isEqualTo(direct.postedByBcDocumentType());
        assertThat(parked(fromCopy)).isEqualTo(parked(direct));
        assertThat(failed(fromCopy)).isEqualTo(failed(direct));
    }

    private static RunSummary once(Path tenant, Path procoreData, Path bcData, Path mapping) throws Exception {
        LocalOptions options = LocalOptions.parse(List.of("--once", "--tenant", tenant.toString(), "--procore-data",
                procoreData.toString(), "--bc-data", bcData.toString(), "--mapping", mapping.toString()), HOME);
        try (LocalRun run = LocalRun.start(options, System.out)) {
            RunSummary summary = run.syncOnce();
            System.out.print(summary.toText());
            return summary;
        }
    }

    /** Parked documents with their stage and reasons; BC's correlation ids differ per answer and are left out. */
    private static Set<String> parked(RunSummary summary) {
        Set<String> out = new TreeSet<>();
        summary.parked().forEach(p -> out.add(p.sourceType() + " " + p.sourceId() + " [" + p.stage() + "] "
                + p.reasons().stream().map(r -> r.replaceAll("CorrelationId:\\s*[0-9a-fA-F-]{36}\\.?", "")).toList()));
        return out;
    }

    private static Set<String> failed(RunSummary summary) {
        Set<String> out = new TreeSet<>();
        summary.failed().forEach(f -> out.add(f.sourceType() + " " + f.sourceId()));
        return out;
    }

    /** The tenant's secrets are nowhere in the copy (the local run seeds the sandboxes with them itself). */
    private static void assertNoSecretIn(Path out, Path tenantFile) throws IOException {
        JsonNode tenant = JSON.readTree(tenantFile.toFile()).get("tenants").get(0);
        List<String> secrets = new ArrayList<>(List.of(tenant.path("bc").path("clientSecret").asString(),
                tenant.path("procore").path("clientSecret").asString(), tenant.path("webhookToken").asString(),
                tenant.path("bcClientState").asString()));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                secrets.forEach(s -> assertThat(text).as(file + " holds a secret").doesNotContain(s));
            }
        }
        assertThat(out.resolve("procore/clients.json")).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("apps.json");
        }
    }
}
