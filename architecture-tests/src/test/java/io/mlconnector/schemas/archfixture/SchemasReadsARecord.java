package io.mlconnector.schemas.archfixture;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.serde.AvroDeserializer;

/** Allowed, for RulesCatchViolationsTest: schemas code using the events and the serde. */
public class SchemasReadsARecord {
    AvroDeserializer<CostDocument> deserializer;
}
