package io.mlconnector.mapping.csv;

import io.mlconnector.mapping.rules.DimensionTemplate;
import io.mlconnector.mapping.rules.MappingRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping rules file (format in demo-data/mapping/README.md):
 * <pre>
 * project,cost_code,cost_type,gl_account,dimensions
 * ,,L,5110,
 * ,04-200,M,5190,
 * 2024-001,03-300,,5130,PHASE=FOUNDATION;COSTTYPE=
 * ,99-900,,,
 * </pre>
 * RFC 4180 quoting; blank lines and lines starting with '#' are ignored; row numbers count physical lines with
 * the header as row 1, so they match what a spreadsheet shows.
 */
public final class MappingRulesCsv {
    public static final List<String> HEADER = List.of("project", "cost_code", "cost_type", "gl_account", "dimensions");

    private MappingRulesCsv() {
    }

    /** Parses every row or throws for the first bad one; nothing partial ever comes back. */
    public static List<CsvRule> parse(String text) {
        List<String> lines = text.lines().toList();
        int headerRow = -1;
        List<CsvRule> rules = new ArrayList<>();
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int row = i + 1;
            String line = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = split(line, row);
            if (headerRow < 0) {
                List<String> header = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
                if (!header.equals(HEADER) && !header.equals(HEADER.subList(0, 4))) {
                    throw new CsvRowException(row, "the header must be " + String.join(",", HEADER) + " but is " + line);
                }
                headerRow = row;
                continue;
            }
            if (fields.size() < 4 || fields.size() > 5) {
                throw new CsvRowException(row, "expected 5 columns (" + String.join(",", HEADER) + ") but found "
                        + fields.size());
            }
            MappingRule rule = new MappingRule(fields.get(0), fields.get(1), fields.get(2), fields.get(3),
                    dimensions(fields.size() == 5 ? fields.get(4) : "", row));
            Optional<String> shape = rule.shapeProblem();
            if (shape.isPresent()) {
                throw new CsvRowException(row, shape.get());
            }
            Integer earlier = rowOfKey.putIfAbsent(rule.key(), row);
            if (earlier != null) {
                throw new CsvRowException(row, "the rule for " + rule.describe() + " is already defined on row " + earlier);
            }
            rules.add(new CsvRule(row, rule));
        }
        if (headerRow < 0) {
            throw new CsvRowException(1, "the file is empty; expected the header " + String.join(",", HEADER));
        }
        return rules;
    }

    public static String format(List<MappingRule> rules) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (MappingRule rule : rules) {
            out.append(quote(rule.projectNumber())).append(',')
                    .append(quote(rule.costCode())).append(',')
                    .append(quote(rule.costType())).append(',')
                    .append(quote(rule.glAccount())).append(',')
                    .append(quote(String.join(";", rule.dimensions().stream().map(DimensionTemplate::toString).toList())))
                    .append('\n');
        }
        return out.toString();
    }

    static List<DimensionTemplate> dimensions(String text, int row) {
        List<DimensionTemplate> templates = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return templates;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) continue;
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new CsvRowException(row, "dimension entry '" + entry.trim()
                        + "' must look like CODE=VALUE (e.g. PROJECT={project}; an empty VALUE removes the dimension)");
            }
            templates.add(new DimensionTemplate(entry.substring(0, equals), entry.substring(equals + 1)));
        }
        return templates;
    }

    /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes, not line breaks). */
    static List<String> split(String line, int row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CsvRowException(row, "a quoted field is not closed");
        }
        fields.add(field.toString().trim());
        return fields;
    }

    private static String quote(String value) {
        if (value == null) return "";
        if (value.contains(",") || value.contains("\"") || value.startsWith(" ") || value.endsWith(" ")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
