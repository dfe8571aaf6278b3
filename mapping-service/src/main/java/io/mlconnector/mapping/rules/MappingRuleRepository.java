package io.mlconnector.mapping.rules;

import reactor.core.publisher.Mono;

/** Port: a tenant's current mapping rules (the empty set when it has none). */
public interface MappingRuleRepository {
    Mono<MappingRuleSet> ruleSet(String tenantId);
}
