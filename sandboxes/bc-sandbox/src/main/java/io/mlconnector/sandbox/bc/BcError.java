package io.mlconnector.sandbox.bc;

import java.util.Map;

/**
 * An error the sandbox answers in Business Central's shape: {@code {"error":{"code","message"}}} with
 * the message ending in {@code "  CorrelationId:  <guid>."} (Microsoft Learn: dynamics-error-codes).
 */
final class BcError extends RuntimeException {

    final int status;
    final String code;
    final Map<String, String> headers;

    BcError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    BcError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    static BcError dialog(String message) {
        return new BcError(400, "Application_DialogException", message);
    }

    static BcError fieldValidation(String message) {
        return new BcError(400, "Application_FieldValidationException", message);
    }

    static BcError notFound(String what) {
        return new BcError(404, "BadRequest_NotFound", "The " + what + " does not exist.");
    }

    static BcError badRequest(String message) {
        return new BcError(400, "BadRequest", message);
    }
}
