package io.mlconnector.schemas.registry;

import org.apache.avro.Schema;

/** One registered version of a subject: the subject, its version number, the global schema id and the schema. */
public record SubjectVersion(String subject, int version, int id, Schema schema) {
}
