package io.mlconnector.mapping.api;

import java.util.List;

/** GET body: the tenant's rule-set version and rules, least specific first. */
public record RuleSetJson(String tenantId, long version, List<RuleJson> rules) {
}
