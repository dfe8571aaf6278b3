package io.mlconnector.gateway.procore;

import io.mlconnector.gateway.http.RejectedDeliveryException;
import io.mlconnector.gateway.http.Rejection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Procore delivery body and reads it into a {@link ProcoreDelivery}. Payload versions
 * (Procore docs: webhooks): v2.0 and v3.0 carry numeric ids, {@code event_type} and {@code resource_name}; v4.0 carries
 * string ids, {@code reason} and {@code resource_type}. v3.0's extra {@code related_resources} is not needed here
 * (procore-ingest fetches the record). Every refusal names the field, never echoes the body.
 */
public final class ProcoreDeliveryParser {

    private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}");
    /** v4 ids are strings: a ULID for the event id, digits for Procore record ids. */
    private static final Pattern V4_EVENT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z_]{0,39}");
    private static final int MAX_NAME_LENGTH = 200;
    private static final String SIXTY_FOUR_BIT = "a positive id within the 64-bit range (at most 9223372036854775807)";

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The delivery, or {@link RejectedDeliveryException} naming what is wrong. */
    public ProcoreDelivery parse(byte[] body, long tenantCompanyId) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw invalid(Rejection.MALFORMED_JSON, "body must be a JSON object");
        }
        String version = payloadVersion(root);
        ProcoreDelivery delivery = version.equals("v4.0") ? readV4(root) : readV2(root, version);
        if (delivery.companyId() != tenantCompanyId) {
            throw invalid(Rejection.COMPANY_MISMATCH, "company_id does not belong to this tenant");
        }
        return delivery;
    }

    private JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw invalid(Rejection.MALFORMED_JSON, "empty body");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            // Jackson's message may quote the body; give the position only
            var at = e.getLocation();
            throw invalid(Rejection.MALFORMED_JSON, "not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static String payloadVersion(JsonNode root) {
        JsonNode version = root.get("api_version");
        if (version == null || version.isNull()) {
            // no version field: v4.0 is the one that replaced event_type with reason
            return root.has("reason") ? "v4.0" : "v2.0";
        }
        if (!version.isString()) {
            throw invalid(Rejection.INVALID_FIELD, "api_version must be a string");
        }
        return switch (version.asString()) {
            case "v2.0", "v2" -> "v2.0";
            case "v3.0", "v3" -> "v3.0";
            case "v4.0", "v4" -> "v4.0";
            default -> throw invalid(Rejection.UNSUPPORTED_VERSION,
                    "api_version must be v2.0, v3.0 or v4.0");
        };
    }

    private static ProcoreDelivery readV2(JsonNode root, String version) {
        String ulid = optionalString(root, "ulid");
        if (ulid != null && !ULID.matcher(ulid).matches()) {
            throw invalid(Rejection.INVALID_FIELD, "ulid must be a 26-character ULID");
        }
        Long id = optionalPositiveLong(root, "id");
        if (ulid == null && id == null) {
            throw invalid(Rejection.INVALID_FIELD, "id or ulid is required");
        }
        String eventType = requiredString(root, "event_type");
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw invalid(Rejection.INVALID_FIELD, "event_type must be a lowercase word such as create, update, delete");
        }
        return new ProcoreDelivery(
                ulid != null ? ulid.toUpperCase() : Long.toString(id),
                version,
                name(root, "resource_name"),
                Long.toString(requiredPositiveLong(root, "resource_id")),
                eventType,
                requiredPositiveLong(root, "company_id"),
                optionalPositiveLong(root, "project_id"),
                sourceApplicationId(root),
                timestamp(root));
    }

    private static ProcoreDelivery readV4(JsonNode root) {
        String id = requiredString(root, "id");
        if (!V4_EVENT_ID.matcher(id).matches()) {
            throw invalid(Rejection.INVALID_FIELD, "id must be a ULID or id string");
        }
        String reason = requiredString(root, "reason");
        if (!EVENT_TYPE.matcher(reason).matches()) {
            throw invalid(Rejection.INVALID_FIELD, "reason must be a lowercase word such as create, update, delete");
        }
        String resourceName = root.has("resource_type") || !root.has("resource_name")
                ? name(root, "resource_type")
                : name(root, "resource_name");
        String projectId = optionalDigits(root, "project_id");
        return new ProcoreDelivery(
                ULID.matcher(id).matches() ? id.toUpperCase() : id,
                "v4.0",
                resourceName,
                requiredDigits(root, "resource_id"),
                reason,
                Long.parseLong(requiredDigits(root, "company_id")),
                projectId == null ? null : Long.parseLong(projectId),
                sourceApplicationId(root),
                timestamp(root));
    }

    private static String name(JsonNode root, String field) {
        String name = requiredString(root, field);
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid(Rejection.INVALID_FIELD, field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    /**
     * Names go into Kafka keys, events and log lines: a CR/LF, an ANSI escape (ESC), a NUL, a bidirectional
     * override or a zero-width character has no place in a Procore resource name and could forge log lines, split
     * keys or hide text from an operator, so such a value is refused rather than cleaned.
     */
    private static String printable(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            int type = Character.getType(value.charAt(i));
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    && !validSurrogatePair(value, i)) {
                throw invalid(Rejection.INVALID_FIELD, field + " contains a control or invisible character"
                        + " (position " + (i + 1) + ")");
            }
            if (Character.isHighSurrogate(value.charAt(i))) {
                i++; // the low half was checked with it
            }
        }
        return value;
    }

    private static boolean validSurrogatePair(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    private static String requiredString(JsonNode root, String field) {
        String value = optionalString(root, field);
        if (value == null) {
            throw invalid(Rejection.INVALID_FIELD, field + " is required");
        }
        return value;
    }

    private static String optionalString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalid(Rejection.INVALID_FIELD, field + " must be a string");
        }
        if (node.asString().isBlank()) {
            throw invalid(Rejection.INVALID_FIELD, field + " must not be blank");
        }
        return printable(node.asString(), field).strip();
    }

    private static long requiredPositiveLong(JsonNode root, String field) {
        Long value = optionalPositiveLong(root, field);
        if (value == null) {
            throw invalid(Rejection.INVALID_FIELD, field + " is required");
        }
        return value;
    }

    /** v2.0/v3.0 ids are JSON integers (64-bit); strings, fractions and non-positive values are refused. */
    private static Long optionalPositiveLong(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw invalid(Rejection.INVALID_FIELD, field + " must be a whole number");
        }
        if (!node.canConvertToLong()) {
            throw invalid(Rejection.INVALID_FIELD, field + " must be " + SIXTY_FOUR_BIT);
        }
        if (node.longValue() <= 0) {
            throw invalid(Rejection.INVALID_FIELD, field + " must be positive");
        }
        return node.longValue();
    }

    private static String requiredDigits(JsonNode root, String field) {
        String value = optionalDigits(root, field);
        if (value == null) {
            throw invalid(Rejection.INVALID_FIELD, field + " is required");
        }
        return value;
    }

    /**
     * v4.0 ids are strings of digits (Procore webhooks payload v4.0, https://developers.procore.com: every id is a
     * string). Procore ids are 64-bit integers
     * everywhere else (v2.0/v3.0 send them as JSON numbers), and every consumer reads them as {@code long}: a longer
     * one is refused here, where the sender can be told, instead of failing downstream.
     */
    private static String optionalDigits(JsonNode root, String field) {
        String value = optionalString(root, field);
        if (value == null) {
            return null;
        }
        if (!DIGITS.matcher(value).matches()) {
            throw invalid(Rejection.INVALID_FIELD, field + " must be a string of digits (a positive id)");
        }
        try {
            Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(Rejection.INVALID_FIELD, field + " must be " + SIXTY_FOUR_BIT);
        }
        return value;
    }

    private static Instant timestamp(JsonNode root) {
        String value = optionalString(root, "timestamp");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(Rejection.INVALID_FIELD, "timestamp must be an ISO-8601 date-time with offset");
        }
    }

    /** The app that caused the change, so downstream can drop the connector's own echoes. */
    private static String sourceApplicationId(JsonNode root) {
        JsonNode metadata = root.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        if (!metadata.isObject()) {
            throw invalid(Rejection.INVALID_FIELD, "metadata must be an object");
        }
        JsonNode app = metadata.get("source_application_id");
        if (app == null || app.isNull()) {
            return null;
        }
        if (app.isString()) {
            return app.asString().length() > MAX_NAME_LENGTH ? tooLong("metadata.source_application_id")
                    : printable(app.asString(), "metadata.source_application_id");
        }
        if (app.isIntegralNumber()) {
            return app.asString();
        }
        throw invalid(Rejection.INVALID_FIELD, "metadata.source_application_id must be a string");
    }

    private static String tooLong(String field) {
        throw invalid(Rejection.INVALID_FIELD, field + " is longer than " + MAX_NAME_LENGTH + " characters");
    }

    private static RejectedDeliveryException invalid(Rejection rejection, String detail) {
        return new RejectedDeliveryException(rejection, detail);
    }
}
