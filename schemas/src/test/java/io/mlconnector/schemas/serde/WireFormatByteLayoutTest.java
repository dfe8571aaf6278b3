package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostCodeRef;
import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/** Guards the byte layout other systems rely on: magic byte 0, 4-byte big-endian schema id, plain Avro binary. */
class WireFormatByteLayoutTest {

    private final MemorySchemaRegistry registry = new MemorySchemaRegistry();

    @Test
    void serializedCostDocumentIsMagicByteThenRegisteredIdThenPlainAvroBinary() throws Exception {
        pushNextIdTo(258); // 0x00000102: a one-byte or little-endian id would not survive
        CostDocument document = CostDocuments.requisition();

        byte[] bytes = serializer().serialize(Topics.PROCORE_COST_DOCUMENTS, document);

        int registeredId = registry.latest("procore.cost-documents-value").id();
        assertThat(registeredId).isEqualTo(258);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(new byte[] {bytes[1], bytes[2], bytes[3], bytes[4]}).containsExactly(0x00, 0x00, 0x01, 0x02);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);

        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
        CostDocument decoded = new SpecificDatumReader<>(CostDocument.class).read(null, decoder);
        assertThat(decoder.isEnd()).isTrue();
        assertThat(decoded).isEqualTo(document);
    }

    @Test
    void handBuiltPayloadInThePublishedFormatDecodesAndSerializerProducesTheSameBytes() throws Exception {
        pushNextIdTo(258);
        int id = registry.register("cost-codes-value", CostCodeRef.getClassSchema());
        assertThat(id).isEqualTo(258);

        ByteArrayOutputStream handBuilt = new ByteArrayOutputStream();
        handBuilt.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x01, 0x02});           // magic byte, id 258 big-endian
        handBuilt.writeBytes(new byte[] {(byte) 0xd6, (byte) 0xdf, (byte) 0xa5, 0x4c}); // long 80001003, zig-zag varint
        handBuilt.write(0x0c);                                                     // string length 6, zig-zag
        handBuilt.writeBytes("03-300".getBytes(StandardCharsets.UTF_8));
        handBuilt.write(0x02);                                                     // union branch 1 (string)
        handBuilt.write(0x2c);                                                     // string length 22
        handBuilt.writeBytes("Cast-in-Place Concrete".getBytes(StandardCharsets.UTF_8));
        byte[] payload = handBuilt.toByteArray();

        AvroDeserializer<CostCodeRef> deserializer = new AvroDeserializer<>(CostCodeRef.class, registry);
        assertThat(deserializer.deserialize("cost-codes", payload))
                .isEqualTo(new CostCodeRef(80001003L, "03-300", "Cast-in-Place Concrete"));

        byte[] serialized = serializer().serialize("cost-codes", new CostCodeRef(80001003L, "03-300", "Cast-in-Place Concrete"));
        assertThat(serialized).containsExactly(payload);
    }

    @Test
    void tombstonesStayNull() {
        assertThat(serializer().serialize(Topics.PROCORE_COST_DOCUMENTS, null)).isNull();
        assertThat(new AvroDeserializer<>(CostDocument.class, registry).deserialize(Topics.PROCORE_COST_DOCUMENTS, null))
                .isNull();
    }

    @Test
    void keysUseTheKeySubject() {
        AvroSerializer<CostCodeRef> keySerializer = new AvroSerializer<>(registry);
        keySerializer.configure(Map.of(), true);
        keySerializer.serialize("cost-codes", new CostCodeRef(1L, "01-100", null));
        assertThat(registry.subjects()).containsExactly("cost-codes-key");
    }

    private <T extends org.apache.avro.specific.SpecificRecord> AvroSerializer<T> serializer() {
        AvroSerializer<T> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private void pushNextIdTo(int nextId) {
        for (int i = 1; i < nextId; i++) {
            Schema filler = SchemaBuilder.record("Filler" + i).namespace("test").fields().requiredInt("n").endRecord();
            registry.register("filler-value-" + i, filler);
        }
    }
}
