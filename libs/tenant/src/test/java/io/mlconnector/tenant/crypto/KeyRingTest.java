package io.mlconnector.tenant.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.tenant.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    @Test
    void theFirstEntryIsCurrentAndAllEntriesDecrypt() {
        KeyRing ring = KeyRing.parse(" " + TestKeys.K2 + " , " + TestKeys.K1 + " ");

        assertThat(ring.currentKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k2", "k1");
    }

    @Test
    void toStringShowsIdsNotKeys() {
        KeyRing ring = KeyRing.parse(TestKeys.K1);

        assertThat(ring.toString()).contains("k1").doesNotContain(TestKeys.key(1));
    }

    @Test
    void badEntriesAreRefusedWithoutShowingKeyMaterial() {
        String shortKey = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRing.parse(shortKey)).hasMessageContaining("16 bytes").hasMessageNotContaining(shortKey.substring(3));
        assertThatThrownBy(() -> KeyRing.parse("k1:%%%")).hasMessageContaining("base64").hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> KeyRing.parse(TestKeys.K1 + "," + TestKeys.K1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyRing.parse("bad:id:" + TestKeys.key(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.parse(" ")).hasMessageContaining(KeyRing.ENV_VAR);
        assertThatThrownBy(() -> KeyRing.fromEnvironment(Map.of())).hasMessageContaining(KeyRing.ENV_VAR);
    }

    @Test
    void generatedEntriesParseAndAreRandom() {
        String a = KeyRing.generateEntry("k3");
        String b = KeyRing.generateEntry("k3");

        assertThat(a).startsWith("k3:").isNotEqualTo(b);
        assertThat(KeyRing.parse(a).currentKeyId()).isEqualTo("k3");
        assertThat(KeyRing.fromEnvironment(Map.of(KeyRing.ENV_VAR, a + "," + TestKeys.K1)).keyIds()).containsExactly("k3", "k1");
    }
}
