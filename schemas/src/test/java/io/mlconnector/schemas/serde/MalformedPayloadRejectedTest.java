package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingResult;
import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.SourceType;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** A poison record must fail loudly with the topic and the reason, never decode into garbage. */
class MalformedPayloadRejectedTest {

    private static final String TOPIC = Topics.PROCORE_COST_DOCUMENTS;

    private final MemorySchemaRegistry registry = new MemorySchemaRegistry();
    private final AvroDeserializer<CostDocument> deserializer = new AvroDeserializer<>(CostDocument.class, registry);

    @Test
    void jsonPayloadHasUnknownMagicByte() {
        byte[] json = "{\"tenantId\":\"harbor-ridge\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'procore.cost-documents'")
                .hasMessageContaining("unknown magic byte 0x7b");
    }

    @Test
    void payloadShorterThanTheHeader() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'procore.cost-documents'")
                .hasMessageContaining("shorter than the 5-byte header");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 bytes");
    }

    @Test
    void truncatedBody() {
        byte[] whole = serialize(TOPIC, CostDocuments.requisition());
        byte[] cut = Arrays.copyOf(whole, whole.length - 20);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'procore.cost-documents'")
                .hasMessageContaining("cannot decode Avro body with writer schema id 1");
    }

    @Test
    void bytesLeftOverAfterTheRecord() {
        byte[] whole = serialize(TOPIC, CostDocuments.requisition());
        byte[] padded = Arrays.copyOf(whole, whole.length + 3);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over");
    }

    @Test
    void schemaIdTheRegistryDoesNotKnow() {
        byte[] whole = serialize(TOPIC, CostDocuments.requisition());
        whole[4] = 99;
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, whole))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'procore.cost-documents'")
                .hasMessageContaining("writer schema id 99 not available");
    }

    @Test
    void recordOfAnotherTypeIsNotReadAsACostDocument() {
        PostingResult result = PostingResult.newBuilder()
                .setTenantId("harbor-ridge").setPostingKey("PC-REQ-5550001-4f1c0e")
                .setSourceType(SourceType.REQUISITION).setSourceId("5550001").setContentRevision("sha256:4f1c0e")
                .setDocumentKind(BcDocumentKind.PURCHASE_INVOICE).setOutcome(PostingOutcome.POSTED)
                .setBcDocumentId(null).setBcDocumentNumber("PI-1001").setTotalAmount(new BigDecimal("49500.00"))
                .setMessage(null).setCompletedAt(Instant.parse("2026-10-15T14:06:00Z")).build();
        byte[] bytes = serialize(Topics.BC_POSTING_RESULTS, result);
        assertThatThrownBy(() -> deserializer.deserialize(Topics.BC_POSTING_RESULTS, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'bc.posting-results'")
                .hasMessageContaining("as io.mlconnector.events.CostDocument");
    }

    private <T extends org.apache.avro.specific.SpecificRecord> byte[] serialize(String topic, T record) {
        AvroSerializer<T> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return serializer.serialize(topic, record);
    }
}
