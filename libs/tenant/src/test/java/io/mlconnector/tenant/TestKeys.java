package io.mlconnector.tenant;

import java.util.Base64;

/** Fixed test keys (never used anywhere else). */
public final class TestKeys {

    public static final String K1 = "k1:" + key(1);
    public static final String K2 = "k2:" + key(2);

    private TestKeys() {
    }

    public static String key(int fill) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (fill * 31 + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
