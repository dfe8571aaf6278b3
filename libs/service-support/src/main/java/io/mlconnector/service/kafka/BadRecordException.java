package io.mlconnector.service.kafka;

/**
 * The record itself is wrong (an id that is not a number, a required field missing): no retry can make it work, so
 * it goes to the dead-letter topic at once instead of holding its partition. Listeners throw it with a message that
 * says, in words, what is wrong with the record.
 */
public class BadRecordException extends RuntimeException {

    public BadRecordException(String message) {
        super(message);
    }

    public BadRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
