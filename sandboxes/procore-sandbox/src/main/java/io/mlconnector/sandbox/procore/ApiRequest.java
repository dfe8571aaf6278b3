package io.mlconnector.sandbox.procore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A parsed request as the routes see it. Query keys are decoded ("filters[id][]"). */
record ApiRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                  Map<String, String> headers, String body, Map<String, String> form) {

    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Header lookup, case-insensitive (headers are stored with lower-case names). */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    JsonNode jsonBody() {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("request body must be JSON");
        }
        try {
            return SandboxJson.MAPPER.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            throw ApiError.badRequest("malformed JSON body");
        }
    }
}
