package io.mlconnector.tenant.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.oauth.Secret;
import io.mlconnector.tenant.TestKeys;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTamperDetectionTest {

    private static final String PLAIN = "bc-sandbox-secret";

    private final SecretCipher cipher = new SecretCipher(KeyRing.parse(TestKeys.K1));

    @Test
    void roundTripsAndUsesTheDocumentedTextForm() {
        String encrypted = cipher.encrypt(Secret.of(PLAIN));

        assertThat(encrypted).startsWith("enc:v1:k1:").doesNotContain(PLAIN);
        byte[] payload = Base64.getUrlDecoder().decode(encrypted.substring("enc:v1:k1:".length()));
        assertThat(payload).hasSize(12 + PLAIN.length() + 16); // IV || ciphertext || 128-bit tag
        assertThat(cipher.decrypt(encrypted).reveal()).isEqualTo(PLAIN);
        assertThat(SecretCipher.keyIdOf(encrypted)).isEqualTo("k1");
    }

    @Test
    void roundTripsEmptyAndNonAsciiValues() {
        assertThat(cipher.decrypt(cipher.encrypt("")).reveal()).isEmpty();
        assertThat(cipher.decrypt(cipher.encrypt("Grüße ✓ 秘密")).reveal()).isEqualTo("Grüße ✓ 秘密");
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        String a = cipher.encrypt(PLAIN);
        String b = cipher.encrypt(PLAIN);

        assertThat(a).isNotEqualTo(b);
        assertThat(iv(a)).isNotEqualTo(iv(b));
    }

    @Test
    void aFlippedBitInTheIvIsDetected() {
        assertTamperDetected(flipBit(cipher.encrypt(PLAIN), 0));
    }

    @Test
    void aFlippedBitInTheCiphertextIsDetected() {
        assertTamperDetected(flipBit(cipher.encrypt(PLAIN), 12));
    }

    @Test
    void aFlippedBitInTheTagIsDetected() {
        String encrypted = cipher.encrypt(PLAIN);
        int last = payload(encrypted).length - 1;
        assertTamperDetected(flipBit(encrypted, last));
    }

    @Test
    void aTruncatedValueIsDetected() {
        String encrypted = cipher.encrypt(PLAIN);
        assertTamperDetected(encrypted.substring(0, encrypted.length() - 4));
    }

    @Test
    void relabellingToAnotherKeyIdIsDetectedEvenWhenBothIdsHoldTheSameKey() {
        // Same key bytes under two ids: only the key id bound as AAD can tell the relabel apart.
        String sameKeyTwice = TestKeys.K1 + ",k9:" + TestKeys.key(1);
        SecretCipher twoLabels = new SecretCipher(KeyRing.parse(sameKeyTwice));
        String encrypted = twoLabels.encrypt(PLAIN);
        String relabelled = encrypted.replace("enc:v1:k1:", "enc:v1:k9:");

        assertThatThrownBy(() -> twoLabels.decrypt(relabelled))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("'k9'")
                .hasMessageNotContaining(PLAIN);
    }

    @Test
    void aWrongKeyUnderTheRightIdIsDetected() {
        String encrypted = cipher.encrypt(PLAIN);
        SecretCipher wrongKey = new SecretCipher(KeyRing.parse("k1:" + TestKeys.key(7)));

        assertThatThrownBy(() -> wrongKey.decrypt(encrypted))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("wrong key")
                .hasMessageNotContaining(PLAIN);
    }

    @Test
    void anUnknownKeyIdIsNamedInTheError() {
        String encrypted = new SecretCipher(KeyRing.parse(TestKeys.K2)).encrypt(PLAIN);

        assertThatThrownBy(() -> cipher.decrypt(encrypted))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("key id 'k2'")
                .hasMessageContaining("MLC_ENCRYPTION_KEYS")
                .hasMessageNotContaining(PLAIN);
    }

    @Test
    void somethingThatIsNotEncryptedIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> cipher.decrypt(PLAIN))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageNotContaining(PLAIN);
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:k1:***not base64***"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("base64url");
    }

    @Test
    void rotationReencryptsUnderTheCurrentKeyAndOldValuesStayReadable() {
        String underK1 = cipher.encrypt(PLAIN);
        SecretCipher afterRotation = new SecretCipher(KeyRing.parse(TestKeys.K2 + "," + TestKeys.K1));

        String underK2 = afterRotation.rotate(underK1);

        assertThat(SecretCipher.keyIdOf(underK2)).isEqualTo("k2");
        assertThat(afterRotation.decrypt(underK2).reveal()).isEqualTo(PLAIN);
        assertThat(afterRotation.decrypt(underK1).reveal()).isEqualTo(PLAIN);
        // A deployment that only has k1 cannot read the rotated value, and says which key it lacks.
        assertThatThrownBy(() -> cipher.decrypt(underK2)).hasMessageContaining("'k2'");
    }

    private void assertTamperDetected(String tampered) {
        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("k1")
                .hasMessageNotContaining(PLAIN);
    }

    private static byte[] payload(String encrypted) {
        return Base64.getUrlDecoder().decode(encrypted.substring(encrypted.lastIndexOf(':') + 1));
    }

    private static byte[] iv(String encrypted) {
        return java.util.Arrays.copyOf(payload(encrypted), 12);
    }

    private static String flipBit(String encrypted, int byteIndex) {
        byte[] payload = payload(encrypted);
        payload[byteIndex] ^= 0x01;
        return encrypted.substring(0, encrypted.lastIndexOf(':') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }
}
