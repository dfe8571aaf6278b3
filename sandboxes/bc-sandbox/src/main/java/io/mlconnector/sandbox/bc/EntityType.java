package io.mlconnector.sandbox.bc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The properties of one API entity type, named exactly as in BC's v2.0 {@code $metadata} (a contract test holds
 * them against metadata.xml). Values are typed the way BC types them: Code fields are uppercased and trimmed
 * (Microsoft Learn: code-data-type), strings have MaxLength, enums accept only their members.
 */
final class EntityType {

    enum Kind { GUID, STRING, CODE, BOOL, DECIMAL, DATETIME, DATE, INT, LONG, ENUM }

    record Prop(String name, Kind kind, int maxLength, boolean readOnly, List<String> members) {
    }

    static final UUID EMPTY_GUID = new UUID(0, 0);

    final String name;
    final Map<String, Prop> props = new LinkedHashMap<>();

    /**
     * @param spec space-separated {@code name:type[!]}; type is G, S[n], C[n], B, D, DT, DATE, I (Edm.Int32), L (Edm.Int64) or
     *             E=member|member; a trailing {@code !} marks the property read-only
     */
    EntityType(String name, String spec) {
        this.name = name;
        for (String token : spec.trim().split("\\s+")) {
            String[] parts = token.split(":", 2);
            String type = parts[1];
            boolean readOnly = type.endsWith("!");
            if (readOnly) {
                type = type.substring(0, type.length() - 1);
            }
            Prop prop;
            if (type.startsWith("E=")) {
                prop = new Prop(parts[0], Kind.ENUM, 0, readOnly, List.of(type.substring(2).replace('_', ' ').split("\\|")));
            } else if (type.equals("DT")) {
                prop = new Prop(parts[0], Kind.DATETIME, 0, readOnly, List.of());
            } else if (type.equals("DATE")) {
                prop = new Prop(parts[0], Kind.DATE, 0, readOnly, List.of());
            } else {
                Kind kind = switch (type.charAt(0)) {
                    case 'G' -> Kind.GUID;
                    case 'S' -> Kind.STRING;
                    case 'C' -> Kind.CODE;
                    case 'B' -> Kind.BOOL;
                    case 'D' -> Kind.DECIMAL;
                    case 'I' -> Kind.INT;
                    case 'L' -> Kind.LONG;
                    default -> throw new IllegalArgumentException(token);
                };
                int max = type.length() > 1 ? Integer.parseInt(type.substring(1)) : 0;
                prop = new Prop(parts[0], kind, max, readOnly, List.of());
            }
            props.put(prop.name(), prop);
        }
    }

    String qualifiedName() {
        return "Microsoft.NAV." + name;
    }

    Prop prop(String property) {
        return props.get(property);
    }

    /** A new entity with every property at BC's blank value (BC always returns every field). */
    ObjectNode blank() {
        ObjectNode node = Json.object();
        for (Prop p : props.values()) {
            switch (p.kind()) {
                case GUID -> node.put(p.name(), EMPTY_GUID.toString());
                case STRING, CODE -> node.put(p.name(), "");
                case BOOL -> node.put(p.name(), false);
                case DECIMAL -> node.put(p.name(), BigDecimal.ZERO);
                case INT -> node.put(p.name(), 0);
                case LONG -> node.put(p.name(), 0L);
                case DATE -> node.put(p.name(), "0001-01-01");
                case DATETIME -> node.put(p.name(), "0001-01-01T00:00:00Z");
                case ENUM -> node.put(p.name(), p.members().get(0));
            }
        }
        return node;
    }

    /**
     * Copies the writable fields of a request body onto an entity, converting and validating like BC.
     * Nested arrays named in {@code navigations} are skipped (deep insert is handled by the caller).
     */
    void apply(ObjectNode target, JsonNode body, boolean insert, List<String> navigations) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            if (key.startsWith("@odata") || navigations.contains(key)) {
                continue;
            }
            Prop p = props.get(key);
            if (p == null) {
                throw BcError.badRequest("The property '" + key + "' does not exist on type '" + qualifiedName()
                        + "'. Make sure to only use property names that are defined by the type.");
            }
            if (p.readOnly()) {
                if (insert && key.equals("id")) {
                    continue; // BC ignores a client-supplied id on insert for SystemId-keyed pages
                }
                throw new BcError(400, "BadRequest_InvalidOperation",
                        "The property '" + key + "' is read-only and cannot be changed.");
            }
            setValue(target, p, field.getValue());
        }
    }

    void setValue(ObjectNode target, Prop p, JsonNode value) {
        String text = Json.text(value);
        switch (p.kind()) {
            case CODE -> {
                String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
                checkLength(p, code);
                target.put(p.name(), code);
            }
            case STRING -> {
                String s = text == null ? "" : text;
                checkLength(p, s);
                target.put(p.name(), s);
            }
            case GUID -> {
                try {
                    target.put(p.name(), text == null ? EMPTY_GUID.toString() : UUID.fromString(text).toString());
                } catch (IllegalArgumentException e) {
                    throw new BcError(400, "Application_InvalidGUID", "The value '" + text + "' is not a valid GUID.");
                }
            }
            case BOOL -> {
                if (value == null || !value.isBoolean()) {
                    throw convert(text, "Edm.Boolean");
                }
                target.put(p.name(), value.booleanValue());
            }
            case DECIMAL -> {
                try {
                    target.put(p.name(), value != null && value.isNumber() ? value.decimalValue() : new BigDecimal(text));
                } catch (RuntimeException e) {
                    throw convert(text, "Edm.Decimal");
                }
            }
            case INT -> {
                if (value == null || !value.canConvertToInt()) {
                    throw convert(text, "Edm.Int32");
                }
                target.put(p.name(), value.intValue());
            }
            case DATE -> {
                try {
                    target.put(p.name(), LocalDate.parse(text).toString());
                } catch (RuntimeException e) {
                    throw convert(text, "Edm.Date");
                }
            }
            case DATETIME -> {
                try {
                    target.put(p.name(), Instant.parse(text).toString());
                } catch (DateTimeParseException | NullPointerException e) {
                    throw convert(text, "Edm.DateTimeOffset");
                }
            }
            case LONG -> {
                if (value == null || !value.canConvertToLong()) {
                    throw convert(text, "Edm.Int64");
                }
                target.put(p.name(), value.longValue());
            }
            case ENUM -> {
                // the caption or the encoded member name ("_x0020_", "Begin_x002D_Total") both name the member
                String caption = WireEnums.decode(text);
                String member = caption == null ? null : p.members().stream()
                        .filter(m -> m.equalsIgnoreCase(caption)).findFirst()
                        .orElse(caption.isBlank() && p.members().contains(" ") ? " " : null);
                if (member == null) {
                    throw new BcError(400, "Application_EvaluateException",
                            "Cannot convert the literal '" + text + "' to the expected type '" + p.name() + "'.");
                }
                target.put(p.name(), member);
            }
        }
    }

    private static void checkLength(Prop p, String value) {
        if (p.maxLength() > 0 && value.length() > p.maxLength()) {
            // BC's text for a too-long value (dynamics-error-codes: Application_StringExceededLength)
            throw new BcError(400, "Application_StringExceededLength", "The length of the string is " + value.length()
                    + ", but it must be less than or equal to " + p.maxLength() + " characters. Value: " + value);
        }
    }

    private static BcError convert(String text, String type) {
        return badValue("Cannot convert the literal '" + text + "' to the expected type '" + type + "'.");
    }

    private static BcError badValue(String message) {
        return new BcError(400, "BadRequest", message);
    }
}
