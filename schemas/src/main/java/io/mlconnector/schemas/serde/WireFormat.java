package io.mlconnector.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Schema Registry wire format (Confluent's, also used by Karapace, Apicurio's compatibility mode, Redpanda):
 *
 * <pre>
 * byte 0      magic byte, always 0
 * bytes 1..4  schema id, 4-byte big-endian signed int, as assigned by the registry
 * bytes 5..   the record in Avro binary encoding, written with that schema (no Avro container header)
 * </pre>
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header for {@code schemaId} into the start of {@code target}. */
    static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        ByteBuffer.wrap(target, 1, 4).putInt(schemaId);
    }

    /** The schema id in bytes 1..4 (big-endian); the caller has checked length and magic byte. */
    static int schemaId(byte[] payload) {
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
