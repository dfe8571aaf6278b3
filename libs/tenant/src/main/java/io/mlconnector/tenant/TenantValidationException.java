package io.mlconnector.tenant;

/** A tenant setting is missing or malformed. The message names the field and never shows a secret. */
public final class TenantValidationException extends IllegalArgumentException {

    public TenantValidationException(String message) {
        super(message);
    }
}
