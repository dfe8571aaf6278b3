package io.mlconnector.schemas;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code resource} of a BC webhook notification entry (Microsoft Learn: dynamics-subscriptions), parsed once
 * for everyone who reads notifications (the gateway keys and checks them, vendor-sync and mapping-service act on them):
 * {@code api/v2.0/companies(<id>)/vendors(<id>)} names one record; a {@code collection} entry names the entity set,
 * usually with {@code $filter=lastModifiedDateTime gt <t>}. Absolute URLs and custom APIs
 * ({@code api/<publisher>/<group>/<version>/companies(..)/...}) parse the same way.
 *
 * @param companyId  the id inside {@code companies(...)}, or null when the URL has none
 * @param collection the entity set, e.g. {@code vendors}
 * @param recordKey  the key inside the last segment's parentheses, or {@link #WHOLE_COLLECTION}
 * @param query      what followed {@code ?} (URL-encoded, as BC sent it), or null
 */
public record BcNotificationResource(String companyId, String collection, String recordKey, String query) {

    /** Record key of an entry that points at a whole entity set. */
    public static final String WHOLE_COLLECTION = "*";

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9_]{0,99})(?:\\((.{1,200})\\))?");
    private static final Pattern COMPANY = Pattern.compile("(?i)companies\\(([^)]{1,100})\\)");
    private static final Pattern SINCE = Pattern.compile("lastModifiedDateTime\\s+gt\\s+([0-9T:.Z+-]+)");

    public static Optional<BcNotificationResource> parse(String resource) {
        if (resource == null || resource.isBlank() || resource.length() > 4096) {
            return Optional.empty();
        }
        String path = resource.strip();
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
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
        return Optional.of(new BcNotificationResource(companyId, segment.group(1), key, query));
    }

    public boolean isWholeCollection() {
        return WHOLE_COLLECTION.equals(recordKey);
    }

    /** The company as a GUID; empty when absent or not a GUID. */
    public Optional<UUID> companyUuid() {
        return uuid(companyId);
    }

    /** The record as a GUID; empty for a whole collection or a key that is not a GUID. */
    public Optional<UUID> recordUuid() {
        return isWholeCollection() ? Optional.empty() : uuid(recordKey);
    }

    /**
     * The lower bound of a {@code collection} entry's {@code $filter=lastModifiedDateTime gt <t>}; empty when BC sent
     * no usable filter, which means "re-read everything" (docs/api-facts.md, BC webhooks).
     */
    public Optional<Instant> modifiedSince() {
        if (query == null) {
            return Optional.empty();
        }
        // a literal '+' in the offset would decode to a space: keep it
        Matcher since = SINCE.matcher(URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8));
        try {
            return since.find() ? Optional.of(Instant.parse(since.group(1))) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** OData string keys may be quoted ({@code subscriptions('id')}, Microsoft Learn: dynamics-subscriptions). */
    private static String unquote(String key) {
        String k = key.strip();
        return k.length() >= 2 && k.startsWith("'") && k.endsWith("'") ? k.substring(1, k.length() - 1) : k;
    }
}
