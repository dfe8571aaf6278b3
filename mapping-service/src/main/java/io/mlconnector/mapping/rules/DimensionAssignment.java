package io.mlconnector.mapping.rules;

import java.util.Objects;

/** One dimension value on a posting line, e.g. PROJECT = 2024-001. */
public record DimensionAssignment(String dimensionCode, String valueCode) {
    public DimensionAssignment {
        Objects.requireNonNull(dimensionCode, "dimensionCode");
        Objects.requireNonNull(valueCode, "valueCode");
    }

    @Override
    public String toString() {
        return dimensionCode + "=" + valueCode;
    }
}
