package io.mlconnector.mapping.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's BC dimension codes for project, cost code and cost type (the tenants file's
 * {@code postingPolicy.dimensionCodes}). Every line gets &lt;project code&gt;=&lt;project number&gt;,
 * &lt;cost code code&gt;=&lt;full code&gt;, &lt;cost type code&gt;=&lt;cost type code&gt; unless a rule says
 * otherwise. A code the tenant does not configure (null) is left off.
 */
public record DimensionCodes(String project, String costCode, String costType) {

    public DimensionCodes {
        project = upper(project);
        costCode = upper(costCode);
        costType = upper(costType);
    }

    private static String upper(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public List<DimensionTemplate> defaultTemplate() {
        List<DimensionTemplate> template = new ArrayList<>();
        if (project != null) {
            template.add(new DimensionTemplate(project, DimensionTemplate.PROJECT));
        }
        if (costCode != null) {
            template.add(new DimensionTemplate(costCode, DimensionTemplate.COST_CODE));
        }
        if (costType != null) {
            template.add(new DimensionTemplate(costType, DimensionTemplate.COST_TYPE));
        }
        return List.copyOf(template);
    }
}
