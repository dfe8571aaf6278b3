package io.mlconnector.tenant.crypto;

import io.mlconnector.oauth.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts tenant secrets with AES-256-GCM. Text form:
 * <pre>enc:v1:&lt;keyId&gt;:&lt;base64url(iv(12) || ciphertext || tag(16))&gt;</pre>
 * A fresh random IV per encryption (GCM must never reuse an IV under one key). The prefix
 * {@code enc:v1:<keyId>} is bound as additional authenticated data, so relabelling a ciphertext with
 * another key id (or version) fails authentication instead of decrypting under the wrong key.
 */
public final class SecretCipher {

    public static final String PREFIX = "enc:v1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** True for anything in the {@code enc:v1:} form (well formed or not). */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String encrypt(Secret secret) {
        return encrypt(Objects.requireNonNull(secret, "secret").reveal());
    }

    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        String keyId = keys.currentKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = apply(Cipher.ENCRYPT_MODE, keys.currentKey(), iv, keyId, plain, 0, plain.length);
        byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    public Secret decrypt(String encrypted) {
        Parsed parsed = parse(encrypted);
        SecretKey key = keys.key(parsed.keyId()).orElseThrow(() -> new SecretDecryptionException(
                "secret was encrypted with key id '" + parsed.keyId() + "', which is not in the key ring "
                        + keys.keyIds() + "; add that key to " + KeyRing.ENV_VAR));
        try {
            byte[] plain = apply(Cipher.DECRYPT_MODE, key, parsed.iv(), parsed.keyId(),
                    parsed.payload(), IV_BYTES, parsed.payload().length - IV_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AuthenticationFailure e) {
            throw new SecretDecryptionException("secret encrypted with key id '" + parsed.keyId()
                    + "' failed authentication: wrong key for that id, or the value was altered");
        }
    }

    /** Re-encrypts under the current key (decrypting with whichever key the value names). */
    public String rotate(String encrypted) {
        return encrypt(decrypt(encrypted));
    }

    /** The key id an {@code enc:v1:} value names (no decryption). */
    public static String keyIdOf(String encrypted) {
        return parse(encrypted).keyId();
    }

    private static Parsed parse(String encrypted) {
        if (!isEncrypted(encrypted)) {
            throw new SecretDecryptionException("not an encrypted secret: expected the form "
                    + PREFIX + "<keyId>:<data>");
        }
        String rest = encrypted.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new SecretDecryptionException("malformed encrypted secret: no key id");
        }
        String keyId = rest.substring(0, colon);
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(rest.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("malformed encrypted secret under key id '" + keyId
                    + "': data is not base64url");
        }
        if (payload.length < IV_BYTES + TAG_BYTES) {
            throw new SecretDecryptionException("malformed encrypted secret under key id '" + keyId
                    + "': data too short for IV and tag");
        }
        byte[] iv = Arrays.copyOf(payload, IV_BYTES);
        return new Parsed(keyId, iv, payload);
    }

    private static byte[] apply(int mode, SecretKey key, byte[] iv, String keyId, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((PREFIX + keyId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailure();
        } catch (GeneralSecurityException e) {
            // Not a data problem: the JCE lacks AES/GCM or the key is unusable. No secret in the message.
            throw new IllegalStateException("AES-GCM unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    private record Parsed(String keyId, byte[] iv, byte[] payload) {
    }

    private static final class AuthenticationFailure extends RuntimeException {
        AuthenticationFailure() {
            super(null, null, false, false);
        }
    }
}
