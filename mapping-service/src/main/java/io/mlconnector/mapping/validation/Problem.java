package io.mlconnector.mapping.validation;

import java.util.Objects;

/** One reason a document cannot be mapped; lineId is null for document-level problems. */
public record Problem(ProblemCode code, String message, String lineId) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Problem document(ProblemCode code, String message) {
        return new Problem(code, message, null);
    }
}
