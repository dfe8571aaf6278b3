package io.mlconnector.ingest.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.ingest.sync.SyncReport;
import io.mlconnector.sandbox.procore.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Procore calls per full sync and per idle reconciliation for N synthetic projects (copies of the demo projects
 * 2001001..2001004 with their ids moved apart), and the calls per project per document type. Not part of the
 * default build: {@code mvn -pl procore-ingest test -Dgroups=benchmark -DexcludedGroups=}.
 */
@Tag("benchmark")
class ProcoreCallsBenchmarkTest {

    static final int[] PROJECT_COUNTS = {5, 20, 50};
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void callsPerFullSyncAndPerIdleReconciliation() throws IOException {
        StringBuilder table = new StringBuilder(String.format("%n%-9s %-10s %-10s %-12s %-12s %-14s %-14s%n",
                "projects", "documents", "full sync", "full/project", "idle cycle", "idle/project", "idle/proj/type"));
        Map<String, Long> fullFamilies = Map.of();
        for (int n : PROJECT_COUNTS) {
            Path data = SyntheticCompany.write(n);
            try (IngestFixture fixture = IngestFixture.start(IngestFixture.unthrottled(data))) {
                SyncReport full = fixture.sync();
                List<LoggedRequest> fullCalls = fixture.apiRequests();
                fixture.sandbox.clearLog();
                SyncReport idle = fixture.sync();
                List<LoggedRequest> idleCalls = fixture.apiRequests();

                assertThat(idle.totalPublished()).isZero();
                assertThat(idleCalls).hasSize(2 + 6 * n);
                long documents = full.read().values().stream().mapToLong(Long::longValue).sum();
                table.append(String.format("%-9d %-10d %-10d %-12.1f %-12d %-14.2f %-14.2f%n", n, documents,
                        fullCalls.size(), (fullCalls.size() - 2) / (double) n, idleCalls.size(),
                        (idleCalls.size() - 2) / (double) n, (idleCalls.size() - 2) / (double) n / 6));
                fullFamilies = families(fullCalls);
                if (n == PROJECT_COUNTS[PROJECT_COUNTS.length - 1]) {
                    table.append(String.format("%nfull sync of %d projects, calls per request family:%n", n));
                    fullFamilies.forEach((family, count) -> table.append(String.format("  %-80s %5d%n", family, count)));
                    table.append(String.format("idle cycle of %d projects, calls per request family:%n", n));
                    families(idleCalls).forEach((family, count) -> table.append(String.format("  %-80s %5d%n", family, count)));
                }
            }
        }
        System.out.println(table);
    }

    static Map<String, Long> families(List<LoggedRequest> calls) {
        return calls.stream().collect(Collectors.groupingBy(LoggedRequest::family, TreeMap::new, Collectors.counting()));
    }

    /**
     * A company with N projects in the sandbox's data layout. Project-scoped ids in the demo data are all at least
     * 7,000,000 and company-level ones (vendors, cost types, company, projects) below it, so moving every id at or
     * above that mark by a per-copy offset keeps references (requisition → commitment line, change order → contract
     * line) intact and ids unique.
     */
    static final class SyntheticCompany {
        static final Path DEMO = IngestFixture.DEMO_DATA;
        static final String COMPANY_DIR = "companies/" + IngestFixture.COMPANY;
        static final long FIRST_PROJECT = 3_000_001L;
        static final long PROJECT_SCOPED = 7_000_000L;

        static Path write(int projects) throws IOException {
            Path root = Files.createTempDirectory("procore-bench-" + projects + "-");
            for (String file : List.of("clients.json", "companies.json", COMPANY_DIR + "/vendors.json",
                    COMPANY_DIR + "/line_item_types.json")) {
                Files.createDirectories(root.resolve(file).getParent());
                Files.copy(DEMO.resolve(file), root.resolve(file));
            }
            ArrayNode demoProjects = (ArrayNode) JSON.readTree(DEMO.resolve(COMPANY_DIR + "/projects.json").toFile());
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < projects; i++) {
                ObjectNode template = (ObjectNode) demoProjects.get(i % 4); // the four active demo projects
                long templateId = template.path("id").asLong();
                long id = FIRST_PROJECT + i;
                out.add(template.deepCopy().put("id", id).put("project_number", "B-" + id)
                        .put("name", template.path("name").asString() + " #" + (i + 1)).put("active", true));
                Path from = DEMO.resolve(COMPANY_DIR + "/projects/" + templateId);
                Path to = Files.createDirectories(root.resolve(COMPANY_DIR + "/projects/" + id));
                long offset = (i + 1) * 1_000_000_000L;
                try (Stream<Path> files = Files.list(from)) {
                    for (Path file : files.toList()) {
                        JsonNode records = JSON.readTree(file.toFile());
                        JSON.writeValue(to.resolve(file.getFileName()).toFile(), moved(records, offset, id));
                    }
                }
            }
            JSON.writeValue(root.resolve(COMPANY_DIR + "/projects.json").toFile(), out);
            return root;
        }

        static JsonNode moved(JsonNode node, long offset, long projectId) {
            if (node instanceof ObjectNode object) {
                for (String field : List.copyOf(object.propertyNames())) {
                    JsonNode value = object.get(field);
                    boolean idField = field.equals("id") || field.endsWith("_id");
                    if (field.equals("project_id")) {
                        object.put(field, projectId);
                    } else if (idField && value.isNumber() && value.asLong() >= PROJECT_SCOPED) {
                        object.put(field, value.asLong() + offset);
                    } else if (idField && value.isString() && value.asString().matches("\\d{7,}")
                            && Long.parseLong(value.asString()) >= PROJECT_SCOPED) {
                        object.set(field, StringNode.valueOf(Long.toString(Long.parseLong(value.asString()) + offset)));
                    } else {
                        moved(value, offset, projectId);
                    }
                }
            } else if (node instanceof ArrayNode array) {
                array.forEach(element -> moved(element, offset, projectId));
            }
            return node;
        }
    }
}
