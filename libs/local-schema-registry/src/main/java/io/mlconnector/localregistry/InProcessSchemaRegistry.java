package io.mlconnector.localregistry;

import io.mlconnector.schemas.registry.CompatibilityLevel;
import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryException;
import io.mlconnector.schemas.registry.SubjectVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A thread-safe in-memory schema registry with the same id and version semantics as Confluent's, for the local
 * run and tests. Optionally persisted as JSON lines (one line per registered subject version:
 * {@code {"subject":..,"version":..,"id":..,"schema":".."}}), appended and forced to disk before the id is
 * returned, so ids survive restarts: the local run keeps its Kafka topics between runs and old messages must
 * still resolve by id.
 */
public final class InProcessSchemaRegistry implements SchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(InProcessSchemaRegistry.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CompatibilityLevel compatibility;
    private final Path file;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    /** Avro's normalised JSON of a schema -> its id: the identity Confluent uses for "same schema". */
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    /** subject -> ids of versions 1..n (index = version - 1); no deletes, so versions stay dense. */
    private final Map<String, List<Integer>> subjects = new TreeMap<>();
    private int nextId = 1;

    /** In memory only, BACKWARD compatibility. */
    public InProcessSchemaRegistry() {
        this(CompatibilityLevel.BACKWARD, null);
    }

    /**
     * @param compatibility check applied when a subject gets a new version
     * @param file          JSON-lines file to load from and append to, or null for memory only
     */
    public InProcessSchemaRegistry(CompatibilityLevel compatibility, Path file) {
        this.compatibility = compatibility;
        this.file = file;
        if (file != null) {
            load(file);
        }
    }

    /** Memory plus the JSON-lines file at {@code file} (created on first registration), BACKWARD compatibility. */
    public static InProcessSchemaRegistry persistedTo(Path file) {
        return new InProcessSchemaRegistry(CompatibilityLevel.BACKWARD, file);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        requireSubject(subject);
        String text = schema.toString();
        List<Integer> versions = subjects.get(subject);
        Integer existingId = idsBySchemaText.get(text);
        if (existingId != null && versions != null && versions.contains(existingId)) {
            return existingId;
        }
        if (versions != null) {
            List<Schema> earlier = versions.stream().map(schemasById::get).toList();
            List<String> problems = compatibility.problems(schema, earlier);
            if (!problems.isEmpty()) {
                throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                                + "\" (" + compatibility + "), details: " + problems);
            }
        }
        int id = existingId != null ? existingId : nextId;
        int version = versions == null ? 1 : versions.size() + 1;
        append(subject, version, id, text);
        remember(subject, version, id, schema, text);
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<Integer> versions = versionsOrThrow(subject);
        Integer id = idsBySchemaText.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw SchemaRegistryException.schemaNotFound("schema is not registered under subject '" + subject + "'");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw SchemaRegistryException.schemaNotFound("id " + id);
        }
        return schema;
    }

    @Override
    public synchronized SubjectVersion latest(String subject) {
        List<Integer> versions = versionsOrThrow(subject);
        return version(subject, versions.size());
    }

    @Override
    public synchronized SubjectVersion version(String subject, int version) {
        List<Integer> versions = versionsOrThrow(subject);
        if (version < 1 || version > versions.size()) {
            throw SchemaRegistryException.versionNotFound(subject, version);
        }
        int id = versions.get(version - 1);
        return new SubjectVersion(subject, version, id, schemasById.get(id));
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        int count = versionsOrThrow(subject).size();
        List<Integer> numbers = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            numbers.add(v);
        }
        return numbers;
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    private List<Integer> versionsOrThrow(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private void remember(String subject, int version, int id, Schema schema, String text) {
        schemasById.putIfAbsent(id, schema);
        idsBySchemaText.putIfAbsent(text, id);
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (versions.size() != version - 1) {
            throw new IllegalStateException("Subject " + subject + " version " + version + " out of order");
        }
        versions.add(id);
        nextId = Math.max(nextId, id + 1);
    }

    private void append(String subject, int version, int id, String schemaText) {
        if (file == null) {
            return;
        }
        ObjectNode line = JSON.createObjectNode()
                .put("subject", subject)
                .put("version", version)
                .put("id", id)
                .put("schema", schemaText);
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                // the id is handed to a producer right after this: it must be on disk before any message uses it
                channel.force(false);
            }
        } catch (IOException e) {
            throw new SchemaRegistryException(500, SchemaRegistryException.BACKEND_ERROR,
                    "Cannot persist schema registry entry to " + file + ": " + e.getMessage(), e);
        }
    }

    private void load(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema registry file " + path, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                String text = node.required("schema").asString();
                Schema schema = new Schema.Parser().parse(text);
                remember(node.required("subject").asString(), node.required("version").asInt(),
                        node.required("id").asInt(), schema, schema.toString());
            } catch (JacksonException | SchemaParseException | IllegalStateException e) {
                if (i == lines.size() - 1) {
                    // a crash in the middle of an append leaves a partial last line; its id was never handed out
                    log.warn("Ignoring unreadable last line {} of schema registry file {}: {}", i + 1, path,
                            e.getMessage());
                } else {
                    throw new IllegalStateException(
                            "Schema registry file " + path + " is corrupt at line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA, "Subject must not be blank");
        }
    }
}
