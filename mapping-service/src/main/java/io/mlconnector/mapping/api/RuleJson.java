package io.mlconnector.mapping.api;

import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule on the API: {"project":null,"costCode":"04-200","costType":"M","glAccount":"5190",
 * "dimensions":{"PHASE":"FOUNDATION","COSTTYPE":""}}. Dimensions merge over the tenant defaults; "" removes one.
 */
public record RuleJson(String project, String costCode, String costType, String glAccount,
                       Map<String, String> dimensions) {
    static RuleJson of(MappingRule rule) {
        Map<String, String> dims = new LinkedHashMap<>();
        rule.dimensions().forEach(d -> dims.put(d.dimensionCode(), d.value()));
        return new RuleJson(rule.projectNumber(), rule.costCode(), rule.costType(), rule.glAccount(), dims);
    }

    MappingRule toRule() {
        List<DimensionTemplate> templates = new ArrayList<>();
        if (dimensions != null) {
            dimensions.forEach((code, value) -> templates.add(new DimensionTemplate(code, value)));
        }
        return new MappingRule(project, costCode, costType, glAccount, templates);
    }
}
