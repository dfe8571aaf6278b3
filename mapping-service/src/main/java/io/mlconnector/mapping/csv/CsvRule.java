package io.mlconnector.mapping.csv;

import io.mlconnector.mapping.rules.MappingRule;

/** A parsed rule and the file row it came from (for error messages). */
public record CsvRule(int row, MappingRule rule) {
}
