package io.mlconnector.tenant.crypto;

/**
 * An {@code enc:v1:} value could not be turned back into a secret: unknown key id, wrong key, or a
 * ciphertext, IV, tag or key id that was changed. The message says which, and never carries plaintext
 * or key material.
 */
public final class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }

    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
