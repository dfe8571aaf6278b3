package io.mlconnector.bc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BC's enum values as they arrive. Since BC 2024 wave 1 the v2.0 API returns enum members by their encoded names,
 * not their captions: every character not allowed in an XML name is written {@code _xHHHH_} (its UTF-16 code in hex),
 * so a blank member is {@code "_x0020_"}, {@code "Begin-Total"} is {@code "Begin_x002D_Total"} and
 * {@code "Cost of Goods Sold"} is {@code "Cost_x0020_of_x0020_Goods_x0020_Sold"} (the EnumType members in the API's
 * {@code $metadata}; XML name encoding as in .NET's {@code XmlConvert.EncodeName}). Older versions return captions.
 * Every reader decodes here, once, so both forms compare equal.
 */
public final class BcEnums {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private BcEnums() {
    }

    /** The caption of a wire value: {@code _xHHHH_} → the character; null stays null; plain text is unchanged. */
    public static String decode(String wire) {
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
