package io.mlconnector.mapping.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether a Procore value can be a Business Central dimension value code as it is. BC keeps dimension value
 * codes in a Code[20] field (table 349 "Dimension Value"; the {@code code} of the dimensionValue resource on
 * Microsoft Learn, https://learn.microsoft.com/dynamics365/business-central/dev-itpro/api-reference/v2.0/resources/dynamics_dimensionvalue):
 * at most 20 characters, stored upper-case and trimmed. Procore project numbers are free text
 * ({@code 24-017 / Phase B}), so many are not codes.
 *
 * <p>The connector treats capital letters, digits, '-', '_' and '.' as the usable set: spaces, '/' and the
 * characters BC filter expressions reserve ({@code & | ( ) < > = * @ ' "}) make a code that people and
 * reports cannot filter on reliably. This only shapes the message of a project that has no value in BC: a
 * value that does exist in BC is used whatever its characters.
 */
public final class DimensionValueCodes {
    public static final int MAX_LENGTH = 20;
    private static final Pattern USABLE = Pattern.compile("[A-Z0-9._-]+");
    private static final Pattern UNUSABLE_RUN = Pattern.compile("[^A-Z0-9._-]+");

    private DimensionValueCodes() {
    }

    /** Why the value cannot be a dimension value code as it is, in words; empty when it can. */
    public static Optional<String> whyNotACode(String value) {
        String upper = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            return Optional.of("it is blank");
        }
        StringBuilder why = new StringBuilder();
        if (upper.length() > MAX_LENGTH) {
            why.append("it is ").append(upper.length()).append(" characters long");
        }
        if (!USABLE.matcher(upper).matches()) {
            TreeSet<String> others = new TreeSet<>();
            upper.chars().filter(c -> !USABLE.matcher(Character.toString(c)).matches())
                    .forEach(c -> others.add(c == ' ' ? "a space" : "'" + Character.toString(c) + "'"));
            why.append(why.isEmpty() ? "it contains " : " and contains ").append(String.join(", ", others));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(why.toString());
    }

    /** A code derived from the value, as an example for a rule: upper-case, other characters as '-', cut to 20. */
    public static String suggestion(String value) {
        String code = UNUSABLE_RUN.matcher(value.trim().toUpperCase(Locale.ROOT)).replaceAll("-");
        code = code.replaceAll("^-+|-+$", "");
        if (code.length() > MAX_LENGTH) {
            code = code.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return code.isEmpty() ? "CODE" : code;
    }
}
