package io.mlconnector.tenant;

import java.util.Locale;

/**
 * The tenant's Business Central dimension codes that carry the Procore project, cost code and cost type (e.g.
 * {@code PROJECT} / {@code COSTCODE} / {@code COSTTYPE}, or {@code JOB} / {@code JOBTASK} / {@code COSTTYPE}).
 * BC dimension codes are Code[20] fields, stored upper case; null when not configured.
 */
public record DimensionCodes(String project, String costCode, String costType) {

    public static final DimensionCodes NONE = new DimensionCodes(null, null, null);

    public DimensionCodes {
        project = code(project, "project");
        costCode = code(costCode, "costCode");
        costType = code(costType, "costType");
    }

    private static String code(String value, String setting) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (upper.length() > 20) {
            throw new TenantValidationException("postingPolicy.dimensionCodes." + setting + " '" + value.strip()
                    + "' is longer than 20 characters, so it cannot be a Business Central dimension code");
        }
        return upper;
    }
}
