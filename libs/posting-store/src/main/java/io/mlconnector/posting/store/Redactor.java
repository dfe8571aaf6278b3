package io.mlconnector.posting.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for the audit trail or an error field: bearer tokens, JWTs,
 * {@code Authorization} header values, {@code client_secret=...} and similar key/value pairs (form, JSON or
 * header style), and {@code enc:v1:} ciphertexts. Literal secret values known to the caller (a tenant's
 * client secret) can be added with {@link #alsoMasking(Collection)}. Errs on the side of masking too much.
 */
public final class Redactor {

    public static final String MASK = "****";

    private static final Pattern ENCRYPTED = Pattern.compile("enc:v1:[^\\s\"',;&}\\]]+");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(\\b(?:proxy-)?authorization\"?\\s*[:=]\\s*)(\"[^\"]*\"|[^\\r\\n,;]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final String SECRET_NAMES = "client[_-]?secret|client[_-]?assertion|password|passwd|pwd"
            + "|access[_-]?token|refresh[_-]?token|id[_-]?token|api[_-]?key|secret|webhook[_-]?token|client[_-]?state"
            + "|x-api-key";
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b(?:" + SECRET_NAMES + ")\"?\\s*[:=]\\s*)(\"[^\"]*\"|[^\"&\\s,;}]+)");
    /** Attribute names whose whole value is a credential. */
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|token|authorization|api[_-]?key|client[_-]?state|cookie|credential).*");

    private static final Redactor STANDARD = new Redactor(List.of());

    private final List<String> literals;

    private Redactor(List<String> literals) {
        this.literals = literals;
    }

    public static Redactor standard() {
        return STANDARD;
    }

    /** Also masks these exact values wherever they appear (values shorter than 4 characters are ignored). */
    public Redactor alsoMasking(Collection<String> secretValues) {
        List<String> all = new ArrayList<>(literals);
        secretValues.stream().filter(v -> v != null && v.length() >= 4).forEach(all::add);
        all.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        return new Redactor(List.copyOf(all));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String literal : literals) {
            out = out.replace(literal, MASK);
        }
        out = ENCRYPTED.matcher(out).replaceAll("enc:v1:" + MASK);
        out = maskValue(AUTHORIZATION, out);
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        out = JWT.matcher(out).replaceAll(MASK);
        out = maskValue(KEY_VALUE, out);
        return out;
    }

    /** Each value redacted; a value under a credential-like name ({@code authorization}, {@code *token*}...) masked whole. */
    public Map<String, String> redactAttributes(Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (attributes == null) {
            return out;
        }
        attributes.forEach((name, value) -> out.put(name,
                value == null ? null : SENSITIVE_NAME.matcher(name).matches() ? MASK : redact(value)));
        return out;
    }

    /** Keeps group 1 (the name and separator), masks group 2 (the value), keeping its quotes if it had them. */
    private static String maskValue(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(m -> {
            String value = m.group(2);
            String masked = value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
            return Matcher.quoteReplacement(m.group(1) + masked);
        });
    }
}
