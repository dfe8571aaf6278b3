package io.mlconnector.schemas.serde;

import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Schema Registry wire format ({@link WireFormat}) into a generated Avro class. The
 * writer schema is fetched by the id in the payload (cached) and resolved against the target class's schema, so
 * records written with older or newer compatible schemas read into the current class.
 *
 * <p>The target class comes from the constructor or from {@code avro.value.type} ({@code avro.key.type} for keys).
 * {@code null} deserializes to {@code null} (tombstones). A payload that is not in the wire format, is truncated, or
 * names an unknown schema id fails with a {@link SerializationException} naming the topic and the reason (the
 * Deserializer API does not know the partition and offset; Kafka's {@code RecordDeserializationException} and
 * spring-kafka's {@code ErrorHandlingDeserializer} add them).
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    static {
        AvroTrust.install();
    }

    private SchemaRegistry registry;
    private Class<T> type;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public AvroDeserializer() {
    }

    /** Reads into {@code type}; the registry comes from {@link #configure}. */
    public AvroDeserializer(Class<T> type) {
        this.type = type;
    }

    /** Reads into {@code type} using {@code registry}; usable without configure(). */
    public AvroDeserializer(Class<T> type, SchemaRegistry registry) {
        this.type = type;
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null || configs.containsKey(AvroSerdeConfig.SCHEMA_REGISTRY_URL)) {
            this.registry = AvroSerdeConfig.registry(configs);
        }
        String typeKey = isKey ? AvroSerdeConfig.KEY_TYPE : AvroSerdeConfig.VALUE_TYPE;
        Object configured = configs.get(typeKey);
        if (configured != null) {
            this.type = loadType(typeKey, configured);
        }
        if (type == null) {
            throw new ConfigException("Missing " + typeKey + ": the generated Avro class to read into, e.g. "
                    + "io.mlconnector.events.CostDocument (or pass the class to the constructor)");
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null || type == null) {
            throw new SerializationException("AvroDeserializer is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " and " + AvroSerdeConfig.VALUE_TYPE);
        }
        if (data.length < WireFormat.HEADER_LENGTH) {
            throw malformed(topic, data, "payload of " + data.length
                    + " bytes is shorter than the 5-byte header (magic byte + schema id)");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw malformed(topic, data, String.format("unknown magic byte 0x%02x (expected 0x00): not in the "
                    + "Schema Registry wire format", data[0] & 0xff));
        }
        int id = WireFormat.schemaId(data);
        SpecificDatumReader<T> reader = reader(topic, id);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw malformed(topic, data, "bytes left over after the " + type.getSimpleName()
                        + " record written with schema id " + id + " (corrupt or wrong schema id)");
            }
            return value;
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // EOFException for a truncated body, AvroTypeException when the writer schema cannot be read as the target
            throw malformed(topic, data, "cannot decode Avro body with writer schema id " + id + " as "
                    + type.getName() + ": " + e);
        }
    }

    private SpecificDatumReader<T> reader(String topic, int id) {
        SpecificDatumReader<T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot deserialize value from topic '" + topic + "': writer schema id "
                    + id + " not available from the registry: " + e.getMessage(), e);
        }
        SpecificData model = SpecificData.getForClass(type);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(writer, model.getSchema(type), model);
        SpecificDatumReader<T> raced = readers.putIfAbsent(id, reader);
        return raced != null ? raced : reader;
    }

    private static SerializationException malformed(String topic, byte[] data, String reason) {
        return new SerializationException("Cannot deserialize value from topic '" + topic + "' (" + data.length
                + " bytes): " + reason);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> loadType(String key, Object configured) {
        Class<?> loaded;
        if (configured instanceof Class<?> c) {
            loaded = c;
        } else {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                loaded = Class.forName(configured.toString().trim(), false,
                        loader != null ? loader : AvroDeserializer.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, configured, "class not found");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(loaded)) {
            throw new ConfigException(key, configured, "not a generated Avro SpecificRecord class");
        }
        return (Class<T>) loaded;
    }
}
