package io.mlconnector.sandbox.bc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enum members on the wire. Since BC 2024 wave 1 the v2.0 API writes enum values by their encoded member names (the
 * EnumType members of {@code $metadata}): a character not allowed in an XML name becomes {@code _xHHHH_}, so a blank
 * is {@code "_x0020_"} and {@code "Begin-Total"} is {@code "Begin_x002D_Total"}. The sandbox keeps captions inside,
 * answers in the encoded form, and reads either form in bodies, filters and data files.
 */
final class WireEnums {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private WireEnums() {
    }

    static String encode(String caption) {
        StringBuilder out = new StringBuilder(caption.length() + 8);
        for (char ch : caption.toCharArray()) {
            if (Character.isLetterOrDigit(ch) || ch == '_') {
                out.append(ch);
            } else {
                out.append(String.format("_x%04X_", (int) ch));
            }
        }
        return out.toString();
    }

    static String decode(String wire) {
        if (wire == null || wire.indexOf("_x") < 0) {
            return wire;
        }
        Matcher m = ESCAPE.matcher(wire);
        StringBuilder out = new StringBuilder(wire.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
