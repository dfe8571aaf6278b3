package io.mlconnector.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Schema Registry model the connector uses: subjects with numbered versions, each version
 * pointing at a globally numbered schema id. Same semantics as Confluent's registry: registering a schema a
 * subject already has returns its id and adds no version; the same schema under two subjects shares one id.
 *
 * <p>Every method throws {@link SchemaRegistryException} (unchecked) with the registry's error code:
 * 40401 subject not found, 40402 version not found, 40403 schema not found, 409 incompatible, 42201 invalid
 * schema, 50001 backend error.
 */
public interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its id. 409 if not backward compatible. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under {@code subject}; 40403 (or 40401) if it is not. */
    int lookup(String subject, Schema schema);

    /** The schema with this id; 40403 if there is none. */
    Schema schemaById(int id);

    /** The newest version of a subject; 40401 if the subject does not exist. */
    SubjectVersion latest(String subject);

    /** One version of a subject; 40401 / 40402 if missing. */
    SubjectVersion version(String subject, int version);

    /** The version numbers of a subject, ascending; 40401 if the subject does not exist. */
    List<Integer> versions(String subject);

    /** All subjects, sorted. */
    List<String> subjects();
}
