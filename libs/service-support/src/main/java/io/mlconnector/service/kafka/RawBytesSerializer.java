package io.mlconnector.service.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The dead-letter producer's serializer: the consumed bytes go out unchanged. Services consume raw bytes
 * ({@link RecordDecoder}), so keys and values are {@code byte[]}; a String key (a consumer that reads keys as text) is
 * written back as UTF-8. Anything else means a consumer decoded the value before the listener, and its original bytes
 * are gone: that is refused loudly rather than written in some other form.
 */
public final class RawBytesSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new SerializationException("dead-letter topic " + topic + " takes the consumed bytes, got a "
                + data.getClass().getSimpleName() + ": the consumer must read raw bytes (see RecordDecoder)");
    }
}
