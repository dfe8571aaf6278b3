package io.mlconnector.sandbox.procore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Filtering, sorting and paging shared by every list endpoint (Procore docs: pagination, filtering-and-sorting). */
final class Listing {

    private Listing() {
    }

    /** A parsed {@code filters[updated_at]=<start>...<end>} range; both ends inclusive. */
    record Range(Instant from, Instant to) {
        boolean contains(Instant t) {
            return t != null && !t.isBefore(from) && !t.isAfter(to);
        }
    }

    /**
     * Accepts the documented forms: {@code YYYY-MM-DD...YYYY-MM-DD} (whole days, UTC),
     * {@code YYYY-MM-DDTHH:MM:SSZ...} and explicit offsets ({@code +HH:00}). A '+' that arrives as a space
     * (not percent-encoded by the caller) is refused, as it would be by a strict server: clients must encode it.
     */
    static Range parseRange(String value) {
        String[] parts = value.split("\\.\\.\\.", -1);
        if (parts.length != 2) {
            throw ApiError.badRequest("filters[updated_at] must be <start>...<end>");
        }
        try {
            return new Range(parseBound(parts[0].trim(), false), parseBound(parts[1].trim(), true));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("filters[updated_at] has an invalid date: " + e.getParsedString());
        }
    }

    private static Instant parseBound(String text, boolean end) {
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return end ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                    : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asString());
    }

    static Stream<ObjectNode> updatedWithin(Stream<ObjectNode> rows, ApiRequest req) {
        return req.param("filters[updated_at]")
                .map(Listing::parseRange)
                .map(range -> rows.filter(n -> range.contains(instant(n, "updated_at"))))
                .orElse(rows);
    }

    /** {@code filters[id][]=1&filters[id][]=2}, or {@code filters[id]=1} / {@code filters[id]=1,2}. */
    static Stream<ObjectNode> withIds(Stream<ObjectNode> rows, ApiRequest req, String field, String filter) {
        Set<String> ids = new HashSet<>();
        for (String key : List.of("filters[" + filter + "][]", "filters[" + filter + "]")) {
            req.params(key).forEach(v -> ids.addAll(List.of(v.split(","))));
        }
        ids.removeIf(String::isBlank);
        return ids.isEmpty() ? rows : rows.filter(n -> ids.contains(at(n, field).asString()));
    }

    /** A field by dotted path ("holder.id"). */
    static JsonNode at(JsonNode n, String dotted) {
        JsonNode cur = n;
        for (String part : dotted.split("\\.")) {
            cur = cur.path(part);
        }
        return cur;
    }

    static Stream<ObjectNode> matching(Stream<ObjectNode> rows, ApiRequest req, String filter,
                                       Function<ObjectNode, String> value) {
        return req.param("filters[" + filter + "]")
                .map(expected -> rows.filter(n -> expected.equals(value.apply(n))))
                .orElse(rows);
    }

    /** Soft-deleted rows are hidden unless filters[include_deleted] is "with" (both) or "only". */
    static Stream<ObjectNode> deletedFilter(Stream<ObjectNode> rows, ApiRequest req, boolean supported) {
        String mode = supported ? req.param("filters[include_deleted]").orElse("") : "";
        return switch (mode) {
            case "with" -> rows;
            case "only" -> rows.filter(Listing::isDeleted);
            default -> rows.filter(n -> !isDeleted(n));
        };
    }

    static boolean isDeleted(JsonNode n) {
        return n.hasNonNull("deleted_at");
    }

    /** sort=id | -id | updated_at | -updated_at | created_at | name; default: by id ascending. */
    static List<ObjectNode> sorted(Stream<ObjectNode> rows, ApiRequest req) {
        String sort = req.param("sort").orElse("id");
        boolean desc = sort.startsWith("-");
        String field = desc ? sort.substring(1) : sort;
        Comparator<ObjectNode> order = switch (field) {
            case "updated_at", "created_at" -> Comparator.comparing((ObjectNode n) -> n.path(field).asString(""));
            case "name" -> Comparator.comparing((ObjectNode n) -> n.path("name").asString(""));
            case "id" -> Comparator.comparingLong((ObjectNode n) -> n.path("id").asLong());
            default -> throw ApiError.badRequest("unsupported sort: " + sort);
        };
        order = order.thenComparingLong(n -> n.path("id").asLong());
        return rows.sorted(desc ? order.reversed() : order).toList();
    }

    /** One page of {@code rows} with Total, Per-Page and Link headers; v2 wraps the page in {"data": [...]}. */
    static ApiResponse page(List<? extends JsonNode> rows, ApiRequest req, String baseUrl, int defaultPerPage,
                            int maxPerPage, boolean v2) {
        int perPage = clamp(intParam(req, "per_page", defaultPerPage), 1, maxPerPage);
        int page = Math.max(1, intParam(req, "page", 1));
        int total = rows.size();
        int last = Math.max(1, (total + perPage - 1) / perPage);
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        ArrayNode items = SandboxJson.MAPPER.createArrayNode();
        rows.subList(from, to).forEach(items::add);
        ApiResponse response;
        if (v2) {
            ObjectNode body = SandboxJson.MAPPER.createObjectNode();
            body.set("data", items);
            response = ApiResponse.json(200, body);
        } else {
            response = ApiResponse.json(200, items);
        }
        StringJoiner link = new StringJoiner(", ");
        link.add(link(baseUrl, req, 1, perPage, "first"));
        if (page > 1) {
            link.add(link(baseUrl, req, Math.min(page - 1, last), perPage, "prev"));
        }
        if (page < last) {
            link.add(link(baseUrl, req, page + 1, perPage, "next"));
        }
        link.add(link(baseUrl, req, last, perPage, "last"));
        return response.header("Total", Integer.toString(total))
                .header("Per-Page", Integer.toString(perPage))
                .header("Link", link.toString());
    }

    /** A list the endpoint does not page (it declares no page / per_page): every row, with the Total header. */
    static ApiResponse unpaged(List<? extends JsonNode> rows) {
        ArrayNode items = SandboxJson.MAPPER.createArrayNode();
        rows.forEach(items::add);
        return ApiResponse.json(200, items).header("Total", Integer.toString(rows.size()));
    }

    private static String link(String baseUrl, ApiRequest req, int page, int perPage, String rel) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> e : req.query().entrySet()) {
            if (e.getKey().equals("page") || e.getKey().equals("per_page")) {
                continue;
            }
            for (String v : e.getValue()) {
                query.add(encode(e.getKey()) + "=" + encode(v));
            }
        }
        query.add("page=" + page).add("per_page=" + perPage);
        return "<" + baseUrl + req.path() + "?" + query + ">; rel=\"" + rel + "\"";
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int intParam(ApiRequest req, String name, int fallback) {
        try {
            return req.param(name).map(String::trim).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer");
        }
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    static List<ObjectNode> list(Stream<ObjectNode> rows) {
        return new ArrayList<>(rows.toList());
    }
}
