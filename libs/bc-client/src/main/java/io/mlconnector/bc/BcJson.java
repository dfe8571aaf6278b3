package io.mlconnector.bc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers: money as BigDecimal both ways, BC's blank values read as null. */
final class BcJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

    private BcJson() {
    }

    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.asString();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString());
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean();
    }

    static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? 0 : v.asInt();
    }

    static UUID uuid(JsonNode node, String field) {
        String s = text(node, field);
        return s == null || s.isEmpty() || s.equals(EMPTY_GUID) ? null : UUID.fromString(s);
    }

    static LocalDate date(JsonNode node, String field) {
        String s = text(node, field);
        return s == null || s.isEmpty() || s.equals("0001-01-01") ? null : LocalDate.parse(s);
    }

    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        return s == null || s.isEmpty() || s.startsWith("0001-01-01") ? null : Instant.parse(s);
    }

    static String etag(JsonNode node) {
        return text(node, "@odata.etag");
    }
}
