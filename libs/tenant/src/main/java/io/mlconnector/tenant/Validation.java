package io.mlconnector.tenant;

import java.net.URI;

/** Shared checks for the tenant records; messages name the field, never a value that could be secret. */
final class Validation {

    private Validation() {
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new TenantValidationException(field + " is required");
        }
        return value;
    }

    /** Base URIs are joined with paths later; they must be absolute http(s) without query or fragment. */
    static URI baseUri(URI value, URI fallback, String field) {
        URI uri = value == null ? fallback : value;
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new TenantValidationException(field + " must be an absolute http(s) URI without query: " + uri);
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
