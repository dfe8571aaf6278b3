package io.mlconnector.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * How a new version of a subject is checked against the versions before it (the subset of Confluent's levels the
 * connector needs). BACKWARD is the registry default and ours: consumers upgraded to the new schema must still read
 * everything already on the topic.
 */
public enum CompatibilityLevel {
    /** No check. */
    NONE,
    /** The new schema can read data written with the latest version. */
    BACKWARD,
    /** The new schema can read data written with every earlier version. */
    BACKWARD_TRANSITIVE;

    /**
     * Problems found when {@code candidate} is used as reader for data written with the given earlier versions
     * (oldest first); empty when compatible.
     */
    public List<String> problems(Schema candidate, List<Schema> earlierVersions) {
        if (this == NONE || earlierVersions.isEmpty()) {
            return List.of();
        }
        List<Schema> writers = this == BACKWARD
                ? List.of(earlierVersions.get(earlierVersions.size() - 1))
                : earlierVersions;
        List<String> problems = new ArrayList<>();
        for (Schema writer : writers) {
            problems.addAll(readerProblems(candidate, writer));
        }
        return problems;
    }

    /** Why {@code reader} cannot read data written with {@code writer}; empty when it can. */
    public static List<String> readerProblems(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(incompatibility.getType() + " at " + fieldPath(reader, incompatibility.getLocation())
                    + " (" + incompatibility.getLocation() + "): " + incompatibility.getMessage());
        }
        if (problems.isEmpty()) {
            problems.add(result.getDescription());
        }
        return problems;
    }

    /** Turns Avro's JSON-pointer location ({@code /fields/8/type/1}) into field names ({@code bcDocumentNumber}). */
    static String fieldPath(Schema reader, String location) {
        try {
            List<String> names = new ArrayList<>();
            Schema schema = reader;
            String[] tokens = location.split("/");
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (token.equals("fields") && i + 1 < tokens.length && schema.getType() == Schema.Type.RECORD) {
                    Schema.Field field = schema.getFields().get(Integer.parseInt(tokens[++i]));
                    names.add(field.name());
                    schema = field.schema();
                } else if (token.equals("items") && schema.getType() == Schema.Type.ARRAY) {
                    schema = schema.getElementType();
                } else if (token.equals("values") && schema.getType() == Schema.Type.MAP) {
                    schema = schema.getValueType();
                } else if (token.matches("\\d+") && schema.getType() == Schema.Type.UNION) {
                    schema = schema.getTypes().get(Integer.parseInt(token));
                }
            }
            return names.isEmpty() ? reader.getName() : reader.getName() + "." + String.join(".", names);
        } catch (RuntimeException e) {
            return reader.getName();
        }
    }
}
