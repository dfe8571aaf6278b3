package io.mlconnector.schemas.serde;

import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for generated Avro records in the Schema Registry wire format ({@link WireFormat}). Subjects
 * follow TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key}). The schema is registered (or, with
 * {@code auto.register.schemas=false}, looked up) once per schema and cached. {@code null} serializes to
 * {@code null} (tombstones).
 *
 * <p>Config: {@code schema.registry.url} (required unless a registry is passed to the constructor),
 * {@code auto.register.schemas} (default true), {@code basic.auth.user.info}, {@code schema.registry.timeout.ms}.
 * Keys of the connector's topics are plain strings ({@code StringSerializer}), not this.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    static {
        AvroTrust.install();
    }

    private SchemaRegistry registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** With an explicit registry (configure() may still set isKey and auto.register.schemas). */
    public AvroSerializer(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.booleanValue(configs.get(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS), true);
        if (registry == null || configs.containsKey(AvroSerdeConfig.SCHEMA_REGISTRY_URL)) {
            this.registry = AvroSerdeConfig.registry(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroSerializer is not configured: set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = data.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] header = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(header, id);
        out.writeBytes(header);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(schema, data).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // e.g. a BigDecimal with more decimals than the schema's scale, or a required field left null
            throw new SerializationException("Cannot serialize " + schema.getFullName() + " for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        String subject = AvroSerdeConfig.subject(topic, isKey);
        String cacheKey = subject + '\u0000' + schema.toString();
        Integer cached = idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        try {
            int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
            idsBySubjectAndSchema.put(cacheKey, id);
            return id;
        } catch (SchemaRegistryException e) {
            throw new SerializationException((autoRegister ? "Cannot register " : "Cannot find registered ")
                    + schema.getFullName() + " under subject '" + subject + "' for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<T> writer(Schema schema, T data) {
        return writers.computeIfAbsent(schema,
                s -> new SpecificDatumWriter<>(s, SpecificData.getForClass((Class<T>) data.getClass())));
    }
}
