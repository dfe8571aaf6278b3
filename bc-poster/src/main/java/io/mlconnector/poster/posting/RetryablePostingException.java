package io.mlconnector.poster.posting;

/** A posting that should be tried again later (Kafka redelivery with back-off); nothing was lost or doubled. */
public final class RetryablePostingException extends RuntimeException {

    public RetryablePostingException(String message, Throwable cause) {
        super(message, cause);
    }
}
