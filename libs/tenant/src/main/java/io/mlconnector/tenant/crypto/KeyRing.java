package io.mlconnector.tenant.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's AES-256 keys by id, and which one encrypts new values. Built from the deployment
 * secret {@code MLC_ENCRYPTION_KEYS}, a comma-separated list of {@code <keyId>:<base64 32-byte key>}; the
 * first entry is current, the others stay to decrypt values written before a rotation.
 * {@link #toString()} shows key ids only.
 */
public final class KeyRing {

    /** Environment variable (and, as a fallback, system property {@code mlc.encryption-keys}). */
    public static final String ENV_VAR = "MLC_ENCRYPTION_KEYS";
    public static final String SYSTEM_PROPERTY = "mlc.encryption-keys";

    /** Key ids end up inside {@code enc:v1:<keyId>:...}, so they may not contain ':'. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * Parses {@code k2:<base64>,k1:<base64>} (standard or URL-safe base64, whitespace ignored).
     * The message of a failure names the entry by key id or position, never the key.
     */
    public static KeyRing parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no encryption keys configured: set " + ENV_VAR
                    + " to '<keyId>:<base64 32-byte key>[,...]' (generate one with TenantSecretsTool generate-key)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = null;
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("encryption key entry #" + (i + 1) + " is not '<keyId>:<base64 key>'");
            }
            String keyId = entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("encryption key entry #" + (i + 1)
                        + " has an invalid key id (1-32 of A-Z a-z 0-9 _ -)");
            }
            byte[] key = decodeKey(keyId, entry.substring(colon + 1).strip());
            if (keys.putIfAbsent(keyId, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("encryption key id '" + keyId + "' appears twice");
            }
            if (current == null) {
                current = keyId;
            }
        }
        if (current == null) {
            throw new IllegalArgumentException("no encryption keys configured in " + ENV_VAR);
        }
        return new KeyRing(current, keys);
    }

    /** From {@code MLC_ENCRYPTION_KEYS}, else the {@code mlc.encryption-keys} system property. */
    public static KeyRing fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static KeyRing fromEnvironment(Map<String, String> env) {
        String spec = env.get(ENV_VAR);
        if (spec == null || spec.isBlank()) {
            spec = System.getProperty(SYSTEM_PROPERTY);
        }
        return parse(spec);
    }

    /** A new random key as a ring entry, {@code <keyId>:<base64>}, ready to prepend to the deployment secret. */
    public static String generateEntry(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("invalid key id (1-32 of A-Z a-z 0-9 _ -)");
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    SecretKey currentKey() {
        return keys.get(currentKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    private static byte[] decodeKey(String keyId, String base64) {
        byte[] key;
        try {
            key = base64.contains("-") || base64.contains("_")
                    ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key '" + keyId + "' is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("encryption key '" + keyId + "' is " + key.length
                    + " bytes; AES-256 needs " + KEY_BYTES);
        }
        return key;
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }
}
