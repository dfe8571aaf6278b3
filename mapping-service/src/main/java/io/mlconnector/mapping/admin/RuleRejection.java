package io.mlconnector.mapping.admin;

import java.util.List;

/** Why one rule was refused: the CSV row (or list position, 1-based) and every reason. */
public record RuleRejection(int row, String rule, List<String> reasons) {
}
