package io.mlconnector.mapping.rules;

/** Port: a tenant's current mapping rules. */
public interface MappingRuleRepository {
    MappingRuleSet ruleSet(String tenantId);
}
