package io.mlconnector.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds every current .avsc against every earlier version kept in
 * {@code src/main/resources/schema-history/<Name>/v<n>.avsc}: a consumer on today's schema must read everything
 * ever written (BACKWARD_TRANSITIVE). When you change a schema compatibly, add the new version as the next
 * {@code v<n>.avsc}; the test fails until you do, so the history stays complete.
 */
class SchemaBackwardCompatibilityTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/main/resources/schema-history");
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private static Map<String, Schema> current;

    @BeforeAll
    static void parseCurrentSchemas() throws IOException {
        current = currentSchemas();
    }

    @Test
    void everyContractHasAHistory() {
        assertThat(current.keySet()).contains("CostDocument", "ProcoreWebhookEvent", "BcNotification",
                "PostingRequest", "PostingResult", "MappingException");
        for (String name : current.keySet()) {
            assertThat(history(name)).as("schema-history/%s/v1.avsc", name).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> currentSchemaReadsEveryEarlierVersion() {
        return current.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<Schema> earlier = history(entry.getKey());
            assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(entry.getValue(), earlier))
                    .as("%s cannot read data written with an earlier version", entry.getKey())
                    .isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> latestHistoryVersionIsTheCurrentSchema() {
        return current.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<Schema> earlier = history(entry.getKey());
            assertThat(earlier.get(earlier.size() - 1))
                    .as("%s changed: add it as schema-history/%s/v%d.avsc", entry.getKey(), entry.getKey(),
                            earlier.size() + 1)
                    .isEqualTo(entry.getValue());
        }));
    }

    @Test
    void newRequiredFieldWithoutDefaultIsDetected() {
        Schema v1 = history("CostDocument").get(0);
        Schema broken = withExtraField(current.get("CostDocument"),
                "{\"name\": \"ledgerCode\", \"type\": \"string\"}");

        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(broken, List.of(v1)))
                .singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT").contains("ledgerCode");
    }

    @Test
    void changedFieldTypeIsDetected() {
        String json = current.get("PostingResult").toString()
                .replace("{\"name\":\"bcDocumentNumber\",\"type\":[\"null\",\"string\"]",
                        "{\"name\":\"bcDocumentNumber\",\"type\":[\"null\",\"long\"]");
        Schema broken = new Schema.Parser().parse(json);
        assertThat(broken.getField("bcDocumentNumber").schema().getTypes().get(1).getType()).isEqualTo(Schema.Type.LONG);

        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(broken, history("PostingResult")))
                .isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("bcDocumentNumber"));
    }

    @Test
    void newFieldWithDefaultIsAccepted() {
        Schema evolved = withExtraField(current.get("CostDocument"),
                "{\"name\": \"ledgerCode\", \"type\": [\"null\", \"string\"], \"default\": null}");
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(evolved, history("CostDocument"))).isEmpty();
    }

    private static Schema withExtraField(Schema schema, String fieldJson) {
        String json = schema.toString();
        int fieldsStart = json.indexOf("\"fields\":[") + "\"fields\":[".length();
        return new Schema.Parser().parse(json.substring(0, fieldsStart) + fieldJson + "," + json.substring(fieldsStart));
    }

    /** Every top-level .avsc under src/main/avro, parsed together (they reference each other by name). */
    private static Map<String, Schema> currentSchemas() throws IOException {
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                results.add(parser.parse(file));
            }
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (SchemaParser.ParseResult result : results) {
            Schema schema = parser.resolve(result);
            schemas.put(schema.getName(), schema);
        }
        return schemas;
    }

    /** v1, v2, ... of a schema, oldest first. */
    private static List<Schema> history(String name) {
        Path dir = HISTORY.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> versions = files
                    .filter(f -> VERSION_FILE.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(SchemaBackwardCompatibilityTest::versionNumber))
                    .toList();
            List<Schema> schemas = new ArrayList<>();
            for (Path version : versions) {
                assertThat(versionNumber(version)).as("versions of %s are numbered 1..n", name)
                        .isEqualTo(schemas.size() + 1);
                schemas.add(SchemaParser.parseSingle(version));
            }
            return schemas;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + dir, e);
        }
    }

    private static int versionNumber(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Integer.parseInt(matcher.group(1));
    }
}
