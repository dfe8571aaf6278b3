package io.mlconnector.mapping.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a rule's dimension template: a dimension code and the value to put on the line.
 * The value may be a literal ({@code FIELD}) or a placeholder filled from the cost line:
 * {@code {project}}, {@code {cost_code}}, {@code {cost_type}}. An empty value removes the dimension
 * from the line (e.g. {@code COSTTYPE=} on a rule whose account must not carry a cost type).
 */
public record DimensionTemplate(String dimensionCode, String value) {
    public static final String PROJECT = "{project}";
    public static final String COST_CODE = "{cost_code}";
    public static final String COST_TYPE = "{cost_type}";

    public DimensionTemplate {
        Objects.requireNonNull(dimensionCode, "dimensionCode");
        // BC uppercases Code fields; keep dimension codes in BC's spelling.
        dimensionCode = dimensionCode.trim().toUpperCase(Locale.ROOT);
        value = value == null ? "" : value.trim();
    }

    public boolean removes() {
        return value.isEmpty();
    }

    public boolean isLiteral() {
        return !value.contains("{");
    }

    /** The value for a line, or null when a placeholder has nothing to fill it. */
    public String render(String projectNumber, String costCode, String costType) {
        String rendered = value;
        rendered = fill(rendered, PROJECT, projectNumber);
        rendered = fill(rendered, COST_CODE, costCode);
        rendered = fill(rendered, COST_TYPE, costType);
        return rendered == null || rendered.isBlank() ? null : rendered;
    }

    private static String fill(String template, String placeholder, String value) {
        if (template == null || !template.contains(placeholder)) {
            return template;
        }
        return value == null ? null : template.replace(placeholder, value);
    }

    /** Placeholders this project knows; anything else in braces is a typo worth rejecting. */
    public boolean usesOnlyKnownPlaceholders() {
        return usesOnly(PROJECT, COST_CODE, COST_TYPE);
    }

    /** True when the value has no placeholder other than these. */
    public boolean usesOnly(String... placeholders) {
        String stripped = value;
        for (String placeholder : placeholders) {
            stripped = stripped.replace(placeholder, "");
        }
        return !stripped.contains("{") && !stripped.contains("}");
    }

    /**
     * {@code overrides} merged over {@code base} by dimension code: an override replaces the entry with its code
     * (appended at the end), and an empty override removes it.
     */
    public static List<DimensionTemplate> merge(List<DimensionTemplate> base, List<DimensionTemplate> overrides) {
        List<DimensionTemplate> merged = new ArrayList<>(base);
        for (DimensionTemplate override : overrides) {
            merged.removeIf(existing -> existing.dimensionCode().equals(override.dimensionCode()));
            if (!override.removes()) {
                merged.add(override);
            }
        }
        return merged;
    }

    @Override
    public String toString() {
        return dimensionCode + "=" + value;
    }
}
