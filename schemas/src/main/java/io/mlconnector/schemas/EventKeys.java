package io.mlconnector.schemas;

import io.mlconnector.events.SourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka record keys: {@code tenantId|sourceType|sourceId}, so every version of one source record lands on one
 * partition, in order. Keys are plain UTF-8 strings (Kafka's {@code StringSerializer}), not Avro, so any consumer
 * and the kafka console tools can read them.
 *
 * <p>Escaping: a part may contain anything except being null or blank. The two characters that would make a key
 * ambiguous are percent-encoded: {@code %} as {@code %25} and {@code |} as {@code %7C}. Everything else is kept as
 * is, so ordinary keys stay readable ({@code harbor-ridge|REQUISITION|12345},
 * {@code harbor-ridge|Direct Costs|778899}). {@link #parse(String)} reverses it exactly.
 */
public final class EventKeys {

    private static final char SEPARATOR = '|';

    private EventKeys() {
    }

    /** The key of a cost record; {@code sourceType} is the enum symbol, e.g. {@code REQUISITION}. */
    public static String of(String tenantId, SourceType sourceType, String sourceId) {
        if (sourceType == null) {
            throw new IllegalArgumentException("sourceType must not be null");
        }
        return of(tenantId, sourceType.name(), sourceId);
    }

    /** The key of any event: tenant, the source type or resource name, and the source's id. */
    public static String of(String tenantId, String sourceTypeOrResource, String sourceId) {
        return escape("tenantId", tenantId) + SEPARATOR
                + escape("sourceType", sourceTypeOrResource) + SEPARATOR
                + escape("sourceId", sourceId);
    }

    /** Splits a key made by {@link #of} back into its three parts. */
    public static EventKey parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == SEPARATOR) {
                parts.add(key.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(key.substring(start));
        if (parts.size() != 3) {
            throw new IllegalArgumentException("Not a tenantId|sourceType|sourceId key: " + key);
        }
        return new EventKey(unescape(parts.get(0)), unescape(parts.get(1)), unescape(parts.get(2)));
    }

    /** The three parts of a key, unescaped. */
    public record EventKey(String tenantId, String sourceType, String sourceId) {
    }

    private static String escape(String name, String part) {
        if (part == null || part.isBlank()) {
            // a blank part would make keys of different records collide
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        if (part.indexOf('%') < 0 && part.indexOf(SEPARATOR) < 0) {
            return part;
        }
        return part.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (part.startsWith("%25", i)) {
                out.append('%');
                i += 2;
            } else if (part.startsWith("%7C", i) || part.startsWith("%7c", i)) {
                out.append(SEPARATOR);
                i += 2;
            } else {
                throw new IllegalArgumentException("Bad escape at index " + i + " in key part: " + part);
            }
        }
        return out.toString();
    }
}
