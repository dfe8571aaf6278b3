package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records already on a topic were written with the schema of their day. The deserializer must read them with that
 * writer schema (found by id) into today's class: older writers (fields added since, with defaults), newer writers
 * (fields this consumer does not know yet) and enum symbols this consumer does not know.
 */
class WriterSchemaEvolutionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = Topics.PROCORE_COST_DOCUMENTS;

    private final MemorySchemaRegistry registry = new MemorySchemaRegistry();
    private final AvroDeserializer<CostDocument> deserializer = new AvroDeserializer<>(CostDocument.class, registry);
    private final CostDocument document = CostDocuments.requisition();

    @Test
    void recordWrittenBeforeFieldsWithDefaultsExistedReadsWithTheDefaults() throws Exception {
        Schema older = costDocumentSchema(root -> {
            removeField(root, "currency");
            removeField(root, "projectName");
        });
        GenericRecord written = copyInto(older, document);

        CostDocument read = deserializer.deserialize(TOPIC, wireFormat(older, written));

        assertThat(read.getCurrency()).isNull();
        assertThat(read.getProjectName()).isNull();
        CostDocument expected = CostDocument.newBuilder(document).setCurrency(null).setProjectName(null).build();
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void recordWrittenByANewerProducerWithAnExtraFieldReadsIntoTodaysClass() throws Exception {
        Schema newer = costDocumentSchema(root -> ((ArrayNode) root.get("fields")).add(JSON.createObjectNode()
                .put("name", "costCenter").put("type", "string").put("default", "")));
        GenericRecord written = copyInto(newer, document);
        written.put("costCenter", "CC-12");

        assertThat(deserializer.deserialize(TOPIC, wireFormat(newer, written))).isEqualTo(document);
    }

    @Test
    void sourceTypeSymbolUnknownToThisConsumerReadsAsUnknown() throws Exception {
        Schema newer = costDocumentSchema(root -> {
            for (JsonNode field : root.get("fields")) {
                if (field.get("name").asString().equals("sourceType")) {
                    ((ArrayNode) field.get("type").get("symbols")).add("OWNER_INVOICE");
                }
            }
        });
        GenericRecord written = copyInto(newer, document);
        written.put("sourceType", new GenericData.EnumSymbol(newer.getField("sourceType").schema(), "OWNER_INVOICE"));

        assertThat(deserializer.deserialize(TOPIC, wireFormat(newer, written)).getSourceType())
                .isEqualTo(SourceType.UNKNOWN);
    }

    /** Today's CostDocument schema as JSON, edited, parsed back. */
    private static Schema costDocumentSchema(Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) JSON.readTree(CostDocument.getClassSchema().toString());
        edit.accept(root);
        return new Schema.Parser().parse(JSON.writeValueAsString(root));
    }

    private static void removeField(ObjectNode root, String name) {
        ArrayNode fields = (ArrayNode) root.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asString().equals(name)) {
                fields.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    private static GenericRecord copyInto(Schema schema, CostDocument source) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            if (source.getSchema().getField(field.name()) != null) {
                record.put(field.name(), source.get(field.name()));
            }
        }
        return record;
    }

    /** What an old (or newer) producer put on the topic: header with the writer schema's id, then its Avro body. */
    private byte[] wireFormat(Schema writerSchema, GenericRecord record) throws Exception {
        int id = registry.register("writer-" + writerSchema.hashCode(), writerSchema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        // the generated class's model carries the decimal / date / timestamp conversions the old producer had
        new GenericDatumWriter<GenericRecord>(writerSchema, SpecificData.getForClass(CostDocument.class))
                .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
