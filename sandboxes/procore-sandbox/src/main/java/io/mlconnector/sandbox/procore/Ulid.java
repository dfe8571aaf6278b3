package io.mlconnector.sandbox.procore;

import java.time.Instant;
import java.util.Random;

/** 26-character ULIDs (48-bit milliseconds + 80 random bits, Crockford base32), as Procore's delivery ids. */
final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {
    }

    static String next(Instant at, Random random) {
        char[] out = new char[26];
        long time = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = ALPHABET[random.nextInt(32)];
        }
        return new String(out);
    }
}
