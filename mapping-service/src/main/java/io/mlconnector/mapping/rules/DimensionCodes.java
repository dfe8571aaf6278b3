package io.mlconnector.mapping.rules;

import java.util.List;
import java.util.Locale;

/**
 * The tenant's BC dimension codes for project, cost code and cost type. Every line gets
 * PROJECT=&lt;project number&gt;, COSTCODE=&lt;full code&gt;, COSTTYPE=&lt;cost type code&gt; unless a rule says otherwise.
 */
public record DimensionCodes(String project, String costCode, String costType) {
    public static final DimensionCodes DEFAULTS = new DimensionCodes("PROJECT", "COSTCODE", "COSTTYPE");

    public DimensionCodes {
        project = upper(project, "PROJECT");
        costCode = upper(costCode, "COSTCODE");
        costType = upper(costType, "COSTTYPE");
    }

    private static String upper(String code, String fallback) {
        return code == null || code.isBlank() ? fallback : code.trim().toUpperCase(Locale.ROOT);
    }

    public List<DimensionTemplate> defaultTemplate() {
        return List.of(
                new DimensionTemplate(project, DimensionTemplate.PROJECT),
                new DimensionTemplate(costCode, DimensionTemplate.COST_CODE),
                new DimensionTemplate(costType, DimensionTemplate.COST_TYPE));
    }
}
