package io.mlconnector.sandbox.bc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** One API call (top level or inside a $batch), relative to {@code …/api/v2.0/}. */
final class ApiRequest {

    record Segment(String name, String key) {

        UUID guid() {
            if (key == null || key.startsWith("'")) {
                throw new BcError(400, "BadRequest_NotFound", "Bad Request - Error in query syntax.");
            }
            try {
                return UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                throw new BcError(400, "BadRequest_NotFound", "Bad Request - Error in query syntax.");
            }
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("^([A-Za-z0-9_.$]+)(?:\\((.*)\\))?$");

    final String method;
    final String relativePath;
    final String rawQuery;
    final List<Segment> segments;
    final Map<String, String> query;
    final Map<String, String> headers;
    final JsonNode body;
    final String apiRoot;
    final EnvironmentData env;
    final List<Change> changes;
    final String user;

    ApiRequest(String method, String relativePath, String rawQuery, Map<String, String> query,
               Map<String, String> headers, JsonNode body, String apiRoot, EnvironmentData env, List<Change> changes,
               String user) {
        this.method = method;
        this.relativePath = relativePath;
        this.rawQuery = rawQuery;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.apiRoot = apiRoot;
        this.env = env;
        this.changes = changes;
        this.user = user;
        this.segments = parse(relativePath);
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    private static List<Segment> parse(String path) {
        List<Segment> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new BcError(404, "BadRequest_ResourceNotFound", "The request URI is not valid: '" + part + "'.");
            }
            segments.add(new Segment(m.group(1), m.group(2)));
        }
        return segments;
    }
}
