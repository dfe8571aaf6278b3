package io.mlconnector.gateway.http;

/**
 * A delivery refused for {@link #rejection()}. The detail goes back to the sender and into logs, so it must never
 * quote a token, a clientState or a whole body.
 */
public final class RejectedDeliveryException extends RuntimeException {

    private final Rejection rejection;

    public RejectedDeliveryException(Rejection rejection, String detail) {
        super(detail, null, false, false);
        this.rejection = rejection;
    }

    public RejectedDeliveryException(Rejection rejection, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public String detail() {
        return getMessage();
    }
}
