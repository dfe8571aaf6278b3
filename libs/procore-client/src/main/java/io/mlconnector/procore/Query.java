package io.mlconnector.procore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * A query string with Procore's bracketed filter names. Everything is percent-encoded here ('[', ']', ':',
 * and '+' in offsets, which would otherwise arrive as a space), and the URI is passed to WebClient as-is.
 */
final class Query {

    private final StringJoiner parts = new StringJoiner("&");

    static Query of(String name, Object value) {
        return new Query().and(name, value);
    }

    static Query empty() {
        return new Query();
    }

    Query and(String name, Object value) {
        if (value != null) {
            parts.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    @Override
    public String toString() {
        return parts.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
