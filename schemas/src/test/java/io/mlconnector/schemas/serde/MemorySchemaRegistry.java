package io.mlconnector.schemas.serde;

import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryException;
import io.mlconnector.schemas.registry.SubjectVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The serde's tests' registry: subjects and ids in memory, the same schema under two subjects sharing one id, with
 * no compatibility check. The registry the local run and the services' tests use (compatibility, a file, HTTP) is
 * libs/local-schema-registry, which depends on this module and so cannot serve its tests.
 */
final class MemorySchemaRegistry implements SchemaRegistry {

    private final Map<Schema, Integer> ids = new LinkedHashMap<>();
    private final Map<String, List<SubjectVersion>> subjects = new TreeMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<SubjectVersion> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (SubjectVersion version : versions) {
            if (version.schema().equals(schema)) {
                return version.id();
            }
        }
        int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
        versions.add(new SubjectVersion(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        return versionsOf(subject).stream().filter(v -> v.schema().equals(schema)).findFirst()
                .orElseThrow(() -> SchemaRegistryException.schemaNotFound("under " + subject)).id();
    }

    @Override
    public synchronized Schema schemaById(int id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> SchemaRegistryException.schemaNotFound("id " + id));
    }

    @Override
    public synchronized SubjectVersion latest(String subject) {
        List<SubjectVersion> versions = versionsOf(subject);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized SubjectVersion version(String subject, int version) {
        List<SubjectVersion> versions = versionsOf(subject);
        if (version < 1 || version > versions.size()) {
            throw SchemaRegistryException.versionNotFound(subject, version);
        }
        return versions.get(version - 1);
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(SubjectVersion::version).toList();
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    private List<SubjectVersion> versionsOf(String subject) {
        List<SubjectVersion> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        return versions;
    }
}
