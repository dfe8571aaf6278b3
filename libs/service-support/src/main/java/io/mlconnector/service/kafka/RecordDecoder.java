package io.mlconnector.service.kafka;

import io.mlconnector.schemas.registry.SchemaRegistryException;
import io.mlconnector.schemas.serde.AvroDeserializer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads a consumed record's value inside the listener. The services consume keys and values as the bytes that came
 * in, so whatever happens next the dead-letter topic receives exactly those bytes ({@link DeadLetters}); this turns
 * them into the topic's Avro record. Bytes that are not a readable record fail with
 * {@link UnreadableRecordException} (bad data); a schema registry that cannot be reached fails as transient.
 */
public final class RecordDecoder {

    private final Map<String, ?> serdeConfig;
    private final Map<Class<?>, AvroDeserializer<?>> deserializers = new ConcurrentHashMap<>();

    /** @param serdeConfig the consumer configuration (it carries {@code schema.registry.url}) */
    public RecordDecoder(Map<String, ?> serdeConfig) {
        Map<String, Object> copy = new java.util.HashMap<>(serdeConfig);
        copy.remove(io.mlconnector.schemas.serde.AvroSerdeConfig.VALUE_TYPE); // the listener names the type
        this.serdeConfig = copy;
    }

    public <T extends SpecificRecord> T value(ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        if (record.value() == null) {
            throw new UnreadableRecordException("record " + where(record) + " has no value (a tombstone); a "
                    + type.getSimpleName() + " was expected", null);
        }
        try {
            return deserializer(type).deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            if (e.getCause() instanceof SchemaRegistryException registry && registry.transientFailure()) {
                throw new IllegalStateException("schema registry unavailable while reading " + where(record), e);
            }
            throw new UnreadableRecordException("record " + where(record) + " is not a readable "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> AvroDeserializer<T> deserializer(Class<T> type) {
        return (AvroDeserializer<T>) deserializers.computeIfAbsent(type, t -> {
            AvroDeserializer<T> created = new AvroDeserializer<>(type);
            created.configure(serdeConfig, false);
            return created;
        });
    }

    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
