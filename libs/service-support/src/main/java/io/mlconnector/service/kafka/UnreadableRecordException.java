package io.mlconnector.service.kafka;

/** The record's bytes cannot be read as the topic's Avro record (not the wire format, unknown schema, corrupt body). */
public class UnreadableRecordException extends BadRecordException {

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
