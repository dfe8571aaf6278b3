package io.mlconnector.sandbox.procore;

import tools.jackson.databind.node.ObjectNode;

/** A 4xx answer raised from inside a route. Bodies follow the v1 common error model (Procore docs: restful-api-overview). */
final class ApiError extends RuntimeException {

    final ApiResponse response;

    ApiError(ApiResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    /** v1 error model: {code, message, reason, error}. */
    static ApiError of(int status, String reason, String message) {
        return new ApiError(ApiResponse.json(status, body(status, reason, message)));
    }

    static ObjectNode body(int status, String reason, String message) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("code", status);
        body.put("message", message);
        body.put("reason", reason);
        body.put("error", message);
        return body;
    }

    static ApiError badRequest(String message) {
        return of(400, "bad_request", message);
    }

    static ApiError notFound(String what) {
        return of(404, "not_found", what + " not found");
    }

    /** Rails-style validation errors: {"errors": {"field": ["message"]}} with 422. */
    static ApiError validation(String field, String message) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.putObject("errors").putArray(field).add(message);
        return new ApiError(ApiResponse.json(422, body));
    }
}
