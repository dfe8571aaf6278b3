package io.mlconnector.sandbox.procore;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the sandbox answers: status, headers, and a body (JSON or text). */
final class ApiResponse {

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final String body;
    final String contentType;

    private ApiResponse(int status, String body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, SandboxJson.MAPPER.writeValueAsString(body), "application/json; charset=utf-8");
    }

    static ApiResponse text(int status, String body) {
        return new ApiResponse(status, body, "text/plain; charset=utf-8");
    }

    ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
