package io.mlconnector.gateway.bc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a notification's {@code resource} URL the gateway needs (bc-api.md §5.4):
 * {@code api/v2.0/companies(<id>)/vendors(<id>)} names one record; a {@code collection} entry names the entity set,
 * usually with a {@code $filter}, e.g. {@code api/v2.0/companies(<id>)/purchaseInvoices?$filter=...}.
 * Custom APIs ({@code api/<publisher>/<group>/<version>/companies(..)/...}) parse the same way.
 *
 * @param companyId   the id inside {@code companies(...)}, or null when the URL has none
 * @param collection  the entity set, e.g. {@code vendors}
 * @param recordKey   the key inside the last segment's parentheses, or {@link #WHOLE_COLLECTION}
 */
public record BcResource(String companyId, String collection, String recordKey) {

    /** Record key of an entry that points at a whole entity set. */
    public static final String WHOLE_COLLECTION = "*";

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9_]{0,99})(?:\\((.{1,200})\\))?");
    private static final Pattern COMPANY = Pattern.compile("(?i)companies\\(([^)]{1,100})\\)");

    public static Optional<BcResource> parse(String resource) {
        if (resource == null || resource.isBlank() || resource.length() > 4096) {
            return Optional.empty();
        }
        String path = resource.strip();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        Matcher segment = SEGMENT.matcher(last);
        if (!segment.matches() || last.regionMatches(true, 0, "companies", 0, "companies".length())) {
            return Optional.empty();
        }
        Matcher company = COMPANY.matcher(path);
        String companyId = company.find() ? unquote(company.group(1)) : null;
        String key = segment.group(2) == null ? WHOLE_COLLECTION : unquote(segment.group(2));
        if (key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BcResource(companyId, segment.group(1), key));
    }

    /** OData string keys may be quoted ({@code subscriptions('id')}, bc-api.md §5.3). */
    private static String unquote(String key) {
        String k = key.strip();
        return k.length() >= 2 && k.startsWith("'") && k.endsWith("'") ? k.substring(1, k.length() - 1) : k;
    }
}
