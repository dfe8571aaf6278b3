package io.mlconnector.sandbox.bc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OData query options the sandbox understands: {@code $filter} (eq ne gt ge lt le, and, or, parentheses),
 * {@code $top}, {@code $select}, {@code $expand} (nested with {@code ($expand=…;$select=…)}) and the sandbox's own
 * {@code $skiptoken} for server-driven paging. Like BC, {@code or} across two different fields is refused
 * (Microsoft Learn: use-filter-expressions-in-odata-uris).
 */
final class ODataQuery {

    record Expand(String navigation, List<String> select, List<Expand> expand) {
    }

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    final Predicate<JsonNode> filter;
    final Integer top;
    final int skip;
    final List<String> select;
    final List<Expand> expand;

    private ODataQuery(Predicate<JsonNode> filter, Integer top, int skip, List<String> select, List<Expand> expand) {
        this.filter = filter;
        this.top = top;
        this.skip = skip;
        this.select = select;
        this.expand = expand;
    }

    static ODataQuery parse(Map<String, String> params, EntityType type) {
        String filterText = params.get("$filter");
        Predicate<JsonNode> filter = filterText == null || filterText.isBlank() ? n -> true
                : new FilterParser(filterText, type).parse();
        Integer top = null;
        int skip = 0;
        try {
            if (params.containsKey("$top")) {
                top = Integer.parseInt(params.get("$top").trim());
            }
            if (params.containsKey("$skiptoken")) {
                skip = Integer.parseInt(params.get("$skiptoken").trim());
            }
        } catch (NumberFormatException e) {
            throw new BcError(400, "BadRequest_NotFound", "Bad Request - Error in query syntax.");
        }
        List<String> select = selectList(params.get("$select"), type);
        List<Expand> expand = expandList(params.get("$expand"));
        return new ODataQuery(filter, top, skip, select, expand);
    }

    static ODataQuery expandOnly(List<Expand> expand) {
        return new ODataQuery(n -> true, null, 0, null, expand);
    }

    static List<String> selectList(String text, EntityType type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (String f : text.split(",")) {
            String name = f.trim();
            if (type != null && type.prop(name) == null) {
                throw unknownProperty(name, type);
            }
            fields.add(name);
        }
        return fields;
    }

    static List<Expand> expandList(String text) {
        List<Expand> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String item : splitTopLevel(text, ',')) {
            item = item.trim();
            int paren = item.indexOf('(');
            if (paren < 0) {
                result.add(new Expand(item, null, List.of()));
                continue;
            }
            String nav = item.substring(0, paren).trim();
            String inner = item.substring(paren + 1, item.lastIndexOf(')'));
            List<String> select = null;
            List<Expand> nested = List.of();
            for (String option : splitTopLevel(inner, ';')) {
                String[] kv = option.split("=", 2);
                if (kv[0].trim().equals("$expand")) {
                    nested = expandList(kv[1]);
                } else if (kv[0].trim().equals("$select")) {
                    select = List.of(kv[1].trim().split("\\s*,\\s*"));
                }
            }
            result.add(new Expand(nav, select, nested));
        }
        return result;
    }

    private static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    static BcError unknownProperty(String name, EntityType type) {
        return new BcError(400, "BadRequest_NotFound",
                "Could not find a property named '" + name + "' on type '" + type.qualifiedName() + "'.");
    }

    /** Recursive-descent parser: or-expression of and-expressions of comparisons or parenthesised groups. */
    private static final class FilterParser {
        private final List<String> tokens = new ArrayList<>();
        private final EntityType type;
        private int pos;

        FilterParser(String text, EntityType type) {
            this.type = type;
            tokenize(text);
        }

        Predicate<JsonNode> parse() {
            Node node = or();
            if (pos != tokens.size()) {
                throw syntax();
            }
            return node.predicate;
        }

        private record Node(Predicate<JsonNode> predicate, Set<String> fields) {
        }

        private Node or() {
            Node left = and();
            while (peek("or")) {
                pos++;
                Node right = and();
                Set<String> fields = new HashSet<>(left.fields);
                fields.addAll(right.fields);
                if (fields.size() > 1) {
                    // BC translates filters to AL filters per field, so it cannot OR two fields.
                    throw new BcError(400, "BadRequest",
                            "The 'OR' operator is not supported on distinct fields on an OData filter.");
                }
                Predicate<JsonNode> l = left.predicate;
                Predicate<JsonNode> r = right.predicate;
                left = new Node(l.or(r), fields);
            }
            return left;
        }

        private Node and() {
            Node left = atom();
            while (peek("and")) {
                pos++;
                Node right = atom();
                Set<String> fields = new HashSet<>(left.fields);
                fields.addAll(right.fields);
                left = new Node(left.predicate.and(right.predicate), fields);
            }
            return left;
        }

        private Node atom() {
            if (peek("(")) {
                pos++;
                Node inner = or();
                expect(")");
                return inner;
            }
            String field = next();
            EntityType.Prop prop = type.prop(field);
            if (prop == null) {
                throw unknownProperty(field, type);
            }
            String op = next();
            String literal = next();
            Comparable<?> value = literal(prop, literal);
            Predicate<JsonNode> predicate = entity -> compare(op, fieldValue(prop, entity), value);
            return new Node(predicate, Set.of(field));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static boolean compare(String op, Comparable actual, Comparable expected) {
            if (expected == null || actual == null) {
                boolean same = actual == expected;
                return op.equals("eq") ? same : op.equals("ne") && !same;
            }
            int c = actual.compareTo(expected);
            return switch (op) {
                case "eq" -> c == 0;
                case "ne" -> c != 0;
                case "gt" -> c > 0;
                case "ge" -> c >= 0;
                case "lt" -> c < 0;
                case "le" -> c <= 0;
                default -> throw new BcError(400, "BadRequest_NotFound", "Bad Request - Error in query syntax.");
            };
        }

        private Comparable<?> literal(EntityType.Prop prop, String literal) {
            if (literal.equals("null")) {
                return null;
            }
            boolean quoted = literal.startsWith("'");
            String raw = quoted ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
            try {
                return switch (prop.kind()) {
                    case STRING, CODE -> {
                        if (!quoted) {
                            throw incompatible(prop, "Edm.Int32");
                        }
                        yield raw;
                    }
                    case ENUM -> {
                        if (!quoted) {
                            throw incompatible(prop, "Edm.Int32");
                        }
                        yield WireEnums.decode(raw); // stored as captions; the encoded form names the same member
                    }
                    case GUID -> {
                        if (quoted || !GUID.matcher(raw).matches()) {
                            throw incompatible(prop, "Edm.String");
                        }
                        yield UUID.fromString(raw);
                    }
                    case DECIMAL, INT, LONG -> new BigDecimal(raw);
                    case BOOL -> {
                        if (!raw.equals("true") && !raw.equals("false")) {
                            throw incompatible(prop, "Edm.String");
                        }
                        yield Boolean.parseBoolean(raw);
                    }
                    case DATE -> LocalDate.parse(raw);
                    case DATETIME -> DATE.matcher(raw).matches()
                            ? LocalDate.parse(raw).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                            : OffsetDateTime.parse(raw).toInstant();
                };
            } catch (BcError e) {
                throw e;
            } catch (RuntimeException e) {
                throw new BcError(400, "BadRequest",
                        "Cannot convert the literal '" + literal + "' to the expected type of '" + prop.name() + "'.");
            }
        }

        private static BcError incompatible(EntityType.Prop prop, String found) {
            return new BcError(400, "BadRequest", "A binary operator with incompatible types was detected. Found operand"
                    + " types for property '" + prop.name() + "' and '" + found + "'.");
        }

        private static Comparable<?> fieldValue(EntityType.Prop prop, JsonNode entity) {
            JsonNode v = entity.get(prop.name());
            String text = Json.text(v);
            if (text == null) {
                return null;
            }
            return switch (prop.kind()) {
                case STRING, CODE, ENUM -> text;
                case GUID -> UUID.fromString(text);
                case DECIMAL, INT, LONG -> v.isNumber() ? v.decimalValue() : new BigDecimal(text);
                case BOOL -> v.booleanValue();
                case DATE -> LocalDate.parse(text);
                case DATETIME -> Instant.parse(text);
            };
        }

        private boolean peek(String token) {
            return pos < tokens.size() && tokens.get(pos).equals(token);
        }

        private String next() {
            if (pos >= tokens.size()) {
                throw syntax();
            }
            return tokens.get(pos++);
        }

        private void expect(String token) {
            if (!peek(token)) {
                throw syntax();
            }
            pos++;
        }

        private static BcError syntax() {
            return new BcError(400, "BadRequest_NotFound", "Bad Request - Error in query syntax.");
        }

        private void tokenize(String text) {
            int i = 0;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '(' || ch == ')') {
                    tokens.add(String.valueOf(ch));
                    i++;
                } else if (ch == '\'') {
                    int j = i + 1;
                    while (true) {
                        if (j >= text.length()) {
                            throw syntax();
                        }
                        if (text.charAt(j) == '\'') {
                            if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        j++;
                    }
                    tokens.add(text.substring(i, j + 1));
                    i = j + 1;
                } else {
                    int j = i;
                    while (j < text.length() && !Character.isWhitespace(text.charAt(j))
                            && text.charAt(j) != '(' && text.charAt(j) != ')') {
                        j++;
                    }
                    tokens.add(text.substring(i, j));
                    i = j;
                }
            }
        }
    }

    /** Keeps only the selected fields (plus the ETag, which BC always returns). */
    static ObjectNode applySelect(ObjectNode node, List<String> select) {
        if (select == null) {
            return node;
        }
        List<String> keep = new ArrayList<>(select);
        keep.add("@odata.etag");
        return node.retain(keep);
    }
}
