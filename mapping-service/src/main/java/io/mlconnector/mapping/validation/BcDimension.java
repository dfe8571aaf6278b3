package io.mlconnector.mapping.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A BC dimension with its values, indexed by uppercased code (BC uppercases Code fields). */
public record BcDimension(String code, String displayName, Map<String, BcDimensionValue> values) {
    public BcDimension {
        values = Map.copyOf(values);
    }

    public static BcDimension of(String code, String displayName, Iterable<BcDimensionValue> values) {
        Map<String, BcDimensionValue> byCode = new java.util.HashMap<>();
        values.forEach(value -> byCode.put(normalize(value.code()), value));
        return new BcDimension(code, displayName, byCode);
    }

    public Optional<BcDimensionValue> value(String valueCode) {
        return Optional.ofNullable(values.get(normalize(valueCode)));
    }

    static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    public record BcDimensionValue(String code, String displayName) {
    }

    static Map<String, BcDimension> index(Iterable<BcDimension> dimensions) {
        Map<String, BcDimension> byCode = new java.util.HashMap<>();
        dimensions.forEach(d -> byCode.put(normalize(d.code()), d));
        return byCode;
    }
}
