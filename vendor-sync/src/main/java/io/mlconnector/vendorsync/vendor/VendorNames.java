package io.mlconnector.vendorsync.vendor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When two vendor names are "the same name" for vendor-sync: compared after Unicode compatibility normalisation
 * (NFKC, so a composed "é" equals "e" + combining accent and a full-width or ligature form equals its plain
 * letters, https://unicode.org/reports/tr15/), with typographic apostrophes read as "'", runs of white space
 * (no-break space included) as one space, surrounding space ignored, and case folded. Nothing else is dropped:
 * "O'Brien Electric" and "OBrien Electric" stay different names.
 */
public final class VendorNames {

    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\u2032\uFF07]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private VendorNames() {
    }

    /** The comparison key of a name; null for a blank or missing name (which matches nothing). */
    public static String matchKey(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            return null;
        }
        // upper then lower folds "ß" / "SS" and similar pairs that a lower-case comparison alone keeps apart
        return Normalizer.normalize(s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    public static boolean same(String a, String b) {
        String ka = matchKey(a);
        return ka != null && ka.equals(matchKey(b));
    }
}
