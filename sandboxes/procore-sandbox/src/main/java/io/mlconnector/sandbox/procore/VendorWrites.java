package io.mlconnector.sandbox.procore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Company vendor writes: create, update, and the batch sync (Procore docs: using-sync-actions; REST reference: vendors).
 * Writable fields follow the spec's CompanyVendor body; read-only fields in a request are ignored.
 */
final class VendorWrites {

    static final int SYNC_MAX = 1000;

    private static final Set<String> WRITABLE = Set.of("name", "abbreviated_name", "address", "city", "state_code",
            "zip", "country_code", "business_phone", "mobile_phone", "fax_number", "email_address", "website",
            "is_active", "origin_id", "origin_data", "origin_code", "trade_name", "license_number", "notes",
            "parent_id", "vendor_group_id", "primary_contact_id", "trade_ids", "standard_cost_code_ids",
            "authorized_bidder", "prequalified", "union_member", "labor_union", "non_union_prevailing_wage");

    private VendorWrites() {
    }

    /** POST /rest/v1.0/vendors {company_id, vendor:{...}} -> 201. */
    static ApiResponse create(SandboxData data, ProcoreApi.Call c) {
        JsonNode body = c.req().jsonBody();
        long cid = bodyCompany(c, body);
        JsonNode vendor = body.path("vendor");
        if (!vendor.isObject()) {
            throw ApiError.badRequest("vendor is required");
        }
        String problem = createProblem(data, cid, vendor, null);
        if (problem != null) {
            throw problemError(problem);
        }
        return ApiResponse.json(201, insert(data, cid, vendor));
    }

    /** PATCH /rest/v1.0/vendors/{id} {company_id, vendor:{...}} -> 200. */
    static ApiResponse update(SandboxData data, ProcoreApi.Call c, long id) {
        JsonNode body = c.req().jsonBody();
        long cid = bodyCompany(c, body);
        JsonNode vendor = body.path("vendor");
        if (data.find(Resource.VENDORS, cid, id).isEmpty()) {
            throw ApiError.notFound("vendor " + id);
        }
        String problem = updateProblem(data, cid, vendor, id);
        if (problem != null) {
            throw problemError(problem);
        }
        return ApiResponse.json(200, data.update(Resource.VENDORS, cid, id, n -> merge(n, vendor)));
    }

    /**
     * PATCH /rest/v1.0/vendors/sync {company_id, updates:[...]}: always 200 with {entities, errors}; a row with
     * an id updates that vendor (and may change its origin_id); a row with only origin_id upserts by it.
     */
    static ApiResponse sync(SandboxData data, ProcoreApi.Call c) {
        JsonNode body = c.req().jsonBody();
        long cid = bodyCompany(c, body);
        JsonNode updates = body.path("updates");
        if (!updates.isArray()) {
            throw ApiError.badRequest("updates must be an array");
        }
        if (updates.size() > SYNC_MAX) {
            // documented cap; what Procore answers above it is unconfirmed
            throw ApiError.badRequest("at most " + SYNC_MAX + " updates per sync call");
        }
        ArrayNode entities = ProcoreApi.array();
        ArrayNode errors = ProcoreApi.array();
        for (JsonNode row : updates) {
            Optional<Long> id = row.hasNonNull("id") ? Optional.of(row.get("id").asLong()) : Optional.empty();
            Optional<ObjectNode> byOrigin = id.isEmpty() && row.hasNonNull("origin_id")
                    ? data.all(Resource.VENDORS, cid).stream()
                            .filter(v -> row.get("origin_id").asString().equals(v.path("origin_id").asString(null)))
                            .findFirst()
                    : Optional.empty();
            String problem;
            if (id.isPresent()) {
                problem = data.find(Resource.VENDORS, cid, id.get()).isEmpty() ? "id:does not exist"
                        : updateProblem(data, cid, row, id.get());
            } else if (byOrigin.isPresent()) {
                problem = updateProblem(data, cid, row, byOrigin.get().path("id").asLong());
            } else if (row.hasNonNull("origin_id")) {
                problem = createProblem(data, cid, row, null);
            } else {
                problem = "base:either id or origin_id is required";
            }
            if (problem != null) {
                ObjectNode error = ((ObjectNode) row).deepCopy();
                String[] parts = problem.split(":", 2);
                error.putObject("errors").putArray(parts[0]).add(parts[1]);
                errors.add(error);
            } else if (id.isPresent() || byOrigin.isPresent()) {
                long target = id.orElseGet(() -> byOrigin.get().path("id").asLong());
                entities.add(data.update(Resource.VENDORS, cid, target, n -> merge(n, row)));
            } else {
                entities.add(insert(data, cid, row));
            }
        }
        ObjectNode result = SandboxJson.MAPPER.createObjectNode();
        result.set("entities", entities);
        result.set("errors", errors);
        return ApiResponse.json(200, result);
    }

    private static long bodyCompany(ProcoreApi.Call c, JsonNode body) {
        long cid = body.path("company_id").asLong(c.req().param("company_id").map(Long::parseLong).orElse(c.companyId()));
        if (cid != c.companyId()) {
            throw ApiError.badRequest("company_id " + cid + " does not match the Procore-Company-Id header");
        }
        return cid;
    }

    private static String createProblem(SandboxData data, long cid, JsonNode vendor, Long self) {
        if (vendor.path("name").asString("").isBlank()) {
            return "name:can't be blank";
        }
        return originProblem(data, cid, vendor, self);
    }

    private static String updateProblem(SandboxData data, long cid, JsonNode vendor, long self) {
        if (vendor.has("name") && vendor.path("name").asString("").isBlank()) {
            return "name:can't be blank";
        }
        return originProblem(data, cid, vendor, self);
    }

    /** origin_id is unique per company (Procore docs: using-sync-actions); a clash is a 409 on single writes. */
    private static String originProblem(SandboxData data, long cid, JsonNode vendor, Long self) {
        if (!vendor.hasNonNull("origin_id")) {
            return null;
        }
        String origin = vendor.get("origin_id").asString();
        boolean taken = data.all(Resource.VENDORS, cid).stream()
                .anyMatch(v -> origin.equals(v.path("origin_id").asString(null)) && (self == null || v.path("id").asLong() != self));
        return taken ? "origin_id:has already been taken" : null;
    }

    private static ApiError problemError(String problem) {
        String[] parts = problem.split(":", 2);
        if (parts[0].equals("origin_id")) {
            ObjectNode body = SandboxJson.MAPPER.createObjectNode();
            body.putObject("errors").putArray("origin_id").add(parts[1]);
            return new ApiError(ApiResponse.json(409, body));
        }
        return ApiError.validation(parts[0], parts[1]);
    }

    private static ObjectNode insert(SandboxData data, long cid, JsonNode vendor) {
        ObjectNode node = SandboxJson.MAPPER.createObjectNode();
        node.put("id", data.newId());
        node.put("is_active", true);
        node.putNull("origin_id");
        merge(node, vendor);
        node.put("synced_to_erp", false);
        ObjectNode company = node.putObject("company");
        company.put("id", cid);
        data.companies().stream().filter(co -> co.path("id").asLong() == cid).findFirst()
                .ifPresent(co -> company.put("name", co.path("name").asString()));
        return data.add(Resource.VENDORS, cid, node);
    }

    private static void merge(ObjectNode target, JsonNode changes) {
        for (String field : List.copyOf(changes.propertyNames())) {
            if (WRITABLE.contains(field)) {
                target.set(field, changes.get(field).deepCopy());
            }
        }
    }
}
