package io.mlconnector.mapping.admin;

import io.mlconnector.mapping.core.RedriveReport;

/** A saved rule-set version and what the automatic re-drive did with the tenant's parked documents. */
public record RuleChange(long version, int ruleCount, RedriveReport redrive) {
}
