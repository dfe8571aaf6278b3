package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcDimension;
import io.mlconnector.bc.BcDimensionValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One BC dimension as read (bc-client's {@link BcDimension}), with its values indexed for lookup by code. BC
 * uppercases Code fields, so codes are compared trimmed and uppercased: "2024-001a" in Procore finds "2024-001A".
 */
public final class KnownDimensionValues {
    private final BcDimension dimension;
    private final Map<String, BcDimensionValue> valuesByCode = new HashMap<>();

    private KnownDimensionValues(BcDimension dimension) {
        this.dimension = dimension;
        dimension.values().forEach(value -> valuesByCode.put(normalize(value.code()), value));
    }

    public static KnownDimensionValues of(BcDimension dimension) {
        return new KnownDimensionValues(dimension);
    }

    /** Each dimension by its normalized code. */
    static Map<String, KnownDimensionValues> index(Iterable<BcDimension> dimensions) {
        Map<String, KnownDimensionValues> byCode = new HashMap<>();
        dimensions.forEach(d -> byCode.put(normalize(d.code()), of(d)));
        return byCode;
    }

    /** The dimension's code in BC's spelling. */
    public String code() {
        return dimension.code();
    }

    public BcDimension dimension() {
        return dimension;
    }

    /** The value with this code (any case, surrounding blanks ignored), in BC's spelling. */
    public Optional<BcDimensionValue> value(String valueCode) {
        return valueCode == null ? Optional.empty() : Optional.ofNullable(valuesByCode.get(normalize(valueCode)));
    }

    static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
