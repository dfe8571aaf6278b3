package io.mlconnector.bc;

import java.util.Objects;

/** One dimension on a line: dimension code (PROJECT) and value code (2024-001). */
public record DimensionAssignment(String code, String valueCode) {

    public DimensionAssignment {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(valueCode, "valueCode");
    }

    /** As people write it in mapping rules and read it in messages: {@code PROJECT=2024-001}. */
    @Override
    public String toString() {
        return code + "=" + valueCode;
    }
}
