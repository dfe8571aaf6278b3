package io.mlconnector.tenant;

/** The tenants file cannot be read, parsed, decrypted or written. Messages never contain secret values. */
public final class TenantFileException extends RuntimeException {

    public TenantFileException(String message) {
        super(message);
    }

    public TenantFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
