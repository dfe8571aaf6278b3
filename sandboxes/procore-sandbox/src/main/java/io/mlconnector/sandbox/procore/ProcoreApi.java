package io.mlconnector.sandbox.procore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The /rest/ routes. Each answer uses the v1 (or v2) shape of the real endpoint; the stored records already
 * have the show shape, and list endpoints project them down (no line items, etc.).
 * Called after authentication, company-header and rate-limit checks; {@code companyId} is the header value.
 */
final class ProcoreApi {

    private record Route(String method, Pattern pattern, BiFunction<Call, Matcher, ApiResponse> handler) {
    }

    /** One authenticated call: the request and the company from its Procore-Company-Id header. */
    record Call(ApiRequest req, long companyId) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final SandboxData data;
    private final ProcoreSandboxOptions options;
    private final Supplier<String> baseUrl;

    ProcoreApi(SandboxData data, ProcoreSandboxOptions options, Supplier<String> baseUrl, Webhooks webhooks) {
        this.data = data;
        this.options = options;
        this.baseUrl = baseUrl;
        WebhookApi.register(this, data, webhooks);
        get("/rest/v1\\.0/companies", (c, m) -> companies(c));
        get("/rest/v1\\.[01]/projects", (c, m) -> projects(c));
        get("/rest/v1\\.0/vendors", (c, m) -> vendors(c));
        get("/rest/v1\\.0/companies/(\\d+)/vendors/inactive", (c, m) -> inactiveVendors(c, id(m, 1)));
        route("PATCH", "/rest/v1\\.0/vendors/sync", (c, m) -> VendorWrites.sync(data, c));
        get("/rest/v1\\.0/vendors/(\\d+)", (c, m) -> vendor(c, id(m, 1)));
        route("POST", "/rest/v1\\.0/vendors", (c, m) -> VendorWrites.create(data, c));
        route("PATCH", "/rest/v1\\.0/vendors/(\\d+)", (c, m) -> VendorWrites.update(data, c, id(m, 1)));
        get("/rest/v1\\.0/line_item_types", (c, m) -> lineItemTypes(c));
        get("/rest/v1\\.0/cost_codes", (c, m) -> costCodes(c));
        get("/rest/v1\\.[01]/requisitions", (c, m) -> requisitions(c));
        get("/rest/v1\\.[01]/requisitions/(\\d+)", (c, m) -> requisition(c, id(m, 1)));
        get("/rest/v1\\.[01]/projects/(\\d+)/direct_costs", (c, m) -> directCosts(c, id(m, 1)));
        get("/rest/v1\\.0/projects/(\\d+)/direct_costs/line_items", (c, m) -> directCostLines(c, id(m, 1), null));
        get("/rest/v1\\.[01]/projects/(\\d+)/direct_costs/(\\d+)", (c, m) -> directCost(c, id(m, 1), id(m, 2)));
        get("/rest/v1\\.0/projects/(\\d+)/direct_costs/(\\d+)/line_items",
                (c, m) -> directCostLines(c, id(m, 1), id(m, 2)));
        for (Resource r : List.of(Resource.WORK_ORDER_CONTRACTS, Resource.PURCHASE_ORDER_CONTRACTS)) {
            String base = "/rest/v1\\.0/" + r.fileName().replace(".json", "");
            get(base, (c, m) -> commitments(c, r));
            get(base + "/(\\d+)", (c, m) -> commitment(c, r, id(m, 1)));
            get(base + "/(\\d+)/line_items", (c, m) -> commitmentLines(c, r, id(m, 1)));
        }
        for (Resource r : List.of(Resource.COMMITMENT_CHANGE_ORDERS, Resource.PRIME_CHANGE_ORDERS)) {
            String name = r.fileName().replace(".json", "");
            get("/rest/v1\\.0/projects/(\\d+)/" + name, (c, m) -> changeOrders(c, r, id(m, 1)));
            get("/rest/v1\\.0/projects/(\\d+)/" + name + "/(\\d+)", (c, m) -> changeOrder(c, r, id(m, 1), id(m, 2)));
            get("/rest/v2\\.0/companies/(\\d+)/projects/(\\d+)/" + name + "/(\\d+)/line_items",
                    (c, m) -> changeOrderLines(c, r, id(m, 1), id(m, 2), id(m, 3)));
        }
    }

    private void get(String regex, BiFunction<Call, Matcher, ApiResponse> handler) {
        route("GET", regex, handler);
    }

    void route(String method, String regex, BiFunction<Call, Matcher, ApiResponse> handler) {
        routes.add(new Route(method, Pattern.compile(regex), handler));
    }

    ApiResponse handle(Call call) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(call.req().path());
            if (m.matches()) {
                pathKnown = true;
                if (route.method().equals(call.req().method())) {
                    return route.handler().apply(declaredOnly(call), m);
                }
            }
        }
        throw pathKnown ? ApiError.of(405, "method_not_allowed", "Method Not Allowed")
                : ApiError.notFound("route " + call.req().path());
    }

    /**
     * Query parameters the endpoint does not declare (Procore's REST reference, {@link DeclaredParameters}) are
     * refused with 400, or dropped before the route sees them ({@link UndeclaredParameters#IGNORE}).
     */
    private Call declaredOnly(Call call) {
        ApiRequest req = call.req();
        java.util.Set<String> undeclared = DeclaredParameters.undeclared(req.method(), req.path(), req.query().keySet());
        if (undeclared.isEmpty()) {
            return call;
        }
        if (options.undeclaredParameters() == UndeclaredParameters.REFUSE) {
            String list = String.join(", ", undeclared);
            throw ApiError.badRequest("Invalid parameter" + (undeclared.size() > 1 ? "s" : "") + ": " + list
                    + ". This endpoint does not accept " + (undeclared.size() > 1 ? "them" : "it") + ".");
        }
        java.util.Map<String, List<String>> kept = new java.util.LinkedHashMap<>(req.query());
        kept.keySet().removeAll(undeclared);
        return new Call(new ApiRequest(req.method(), req.path(), req.rawQuery(), kept, req.headers(), req.body(),
                req.form()), call.companyId());
    }

    private static long id(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }

    // ---- scope checks ----

    /** company_id in query (or path) must be the header's company (Procore docs: mpz-headers, send both). */
    private long companyParam(Call c, boolean required) {
        Optional<String> param = c.req().param("company_id");
        if (param.isEmpty()) {
            if (required) {
                throw ApiError.badRequest("company_id is required");
            }
            return c.companyId();
        }
        return sameCompany(c, parseLong(param.get(), "company_id"));
    }

    private static long sameCompany(Call c, long companyId) {
        if (companyId != c.companyId()) {
            // unconfirmed what Procore answers for a mismatch; the sandbox refuses so clients can't get it wrong
            throw ApiError.badRequest("company_id " + companyId + " does not match the Procore-Company-Id header");
        }
        return companyId;
    }

    private long projectParam(Call c) {
        String value = c.req().param("project_id").orElseThrow(() -> ApiError.badRequest("project_id is required"));
        return project(c, parseLong(value, "project_id"));
    }

    /** Procore answers 404 (not 403) when the caller cannot see a record (Procore docs: troubleshooting). */
    private long project(Call c, long projectId) {
        long owner = data.companyOfProject(projectId).orElseThrow(() -> ApiError.notFound("project " + projectId));
        if (owner != c.companyId()) {
            throw ApiError.notFound("project " + projectId);
        }
        return projectId;
    }

    private static long parseLong(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer");
        }
    }

    private ApiResponse v1Page(List<? extends JsonNode> rows, Call c) {
        return Listing.page(rows, c.req(), baseUrl.get(), options.defaultPerPage(), options.maxPerPage(), false);
    }

    private ApiResponse v2Page(List<? extends JsonNode> rows, Call c) {
        return Listing.page(rows, c.req(), baseUrl.get(), options.v2DefaultPerPage(), options.v2MaxPerPage(), true);
    }

    private static ApiResponse ok(JsonNode body) {
        return ApiResponse.json(200, body);
    }

    // ---- companies, projects, vendors, cost setup ----

    private ApiResponse companies(Call c) {
        String clientId = c.req().header(ProcoreHttpHandler.CLIENT_ID_HEADER).orElse("");
        var installed = data.client(clientId).map(SandboxClient::companyIds).orElse(java.util.Set.of());
        // DMSA: the list shows the companies where the app is installed (Procore docs: developer-managed-service-accounts)
        Stream<ObjectNode> rows = data.companies().stream().filter(n -> installed.contains(n.path("id").asLong()));
        return v1Page(Listing.sorted(rows, c.req()), c);
    }

    private ApiResponse projects(Call c) {
        long cid = companyParam(c, true);
        // unconfirmed default; the client always sends filters[by_status] explicitly
        String status = c.req().param("filters[by_status]").orElse("Active");
        Stream<ObjectNode> rows = data.all(Resource.PROJECTS, cid).stream();
        rows = switch (status) {
            case "All" -> rows;
            case "Active" -> rows.filter(n -> n.path("active").asBoolean());
            case "Inactive" -> rows.filter(n -> !n.path("active").asBoolean());
            default -> throw ApiError.badRequest("filters[by_status] must be Active, Inactive or All");
        };
        rows = Listing.updatedWithin(rows, c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        rows = Listing.matching(rows, c.req(), "project_number", n -> n.path("project_number").asString(null));
        return v1Page(Listing.sorted(rows, c.req()), c);
    }

    /**
     * The company list shows active vendors; inactive ones are listed by /companies/{cid}/vendors/inactive
     * (the existence of that endpoint suggests so; unconfirmed). Show-by-id finds both.
     */
    private ApiResponse vendors(Call c) {
        long cid = companyParam(c, true);
        Stream<ObjectNode> rows = data.all(Resource.VENDORS, cid).stream().filter(n -> n.path("is_active").asBoolean(true));
        return v1Page(Listing.sorted(vendorFilters(rows, c), c.req()), c);
    }

    private ApiResponse inactiveVendors(Call c, long cid) {
        sameCompany(c, cid);
        Stream<ObjectNode> rows = data.all(Resource.VENDORS, cid).stream().filter(n -> !n.path("is_active").asBoolean(true));
        return v1Page(Listing.sorted(vendorFilters(rows, c), c.req()), c);
    }

    private static Stream<ObjectNode> vendorFilters(Stream<ObjectNode> rows, Call c) {
        rows = Listing.updatedWithin(rows, c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        Optional<String> search = c.req().param("filters[search]");
        if (search.isPresent()) {
            String needle = search.get().toLowerCase(java.util.Locale.ROOT);
            rows = rows.filter(n -> n.path("name").asString("").toLowerCase(java.util.Locale.ROOT).contains(needle));
        }
        return rows;
    }

    private ApiResponse vendor(Call c, long id) {
        long cid = companyParam(c, false);
        return ok(data.find(Resource.VENDORS, cid, id).orElseThrow(() -> ApiError.notFound("vendor " + id)));
    }

    private ApiResponse lineItemTypes(Call c) {
        long cid = c.req().param("project_id").isPresent()
                ? data.companyOfProject(projectParam(c)).orElseThrow()
                : companyParam(c, true);
        Stream<ObjectNode> rows = data.all(Resource.LINE_ITEM_TYPES, cid).stream();
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        return v1Page(Listing.sorted(rows, c.req()), c);
    }

    private ApiResponse costCodes(Call c) {
        long pid = projectParam(c);
        Stream<ObjectNode> rows = Listing.deletedFilter(data.all(Resource.COST_CODES, pid).stream(), c.req(), false);
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        return v1Page(Listing.sorted(rows, c.req()), c);
    }

    // ---- requisitions (subcontractor invoices) ----

    private ApiResponse requisitions(Call c) {
        long pid = projectParam(c);
        Stream<ObjectNode> rows = Listing.deletedFilter(data.all(Resource.REQUISITIONS, pid).stream(), c.req(), false);
        rows = Listing.updatedWithin(rows, c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.withIds(rows, c.req(), "commitment_id", "commitment_id");
        rows = Listing.matching(rows, c.req(), "status", n -> n.path("status").asString(null));
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        // items[] only with view=extended or view=items (Procore REST reference: requisitions)
        String view = c.req().param("view").orElse("default");
        boolean withItems = view.equals("extended") || view.equals("items");
        List<ObjectNode> page = Listing.sorted(rows, c.req()).stream()
                .map(n -> withItems ? n : without(n, "items")).toList();
        return v1Page(page, c);
    }

    private ApiResponse requisition(Call c, long id) {
        long pid = projectParam(c);
        return ok(data.find(Resource.REQUISITIONS, pid, id).filter(n -> !Listing.isDeleted(n))
                .orElseThrow(() -> ApiError.notFound("requisition " + id)));
    }

    // ---- direct costs ----

    private ApiResponse directCosts(Call c, long pid) {
        project(c, pid);
        // the direct-cost list declares no filters[include_deleted]: deleted costs are simply not listed
        Stream<ObjectNode> rows = Listing.deletedFilter(data.all(Resource.DIRECT_COSTS, pid).stream(), c.req(), false);
        rows = Listing.updatedWithin(rows, c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        rows = Listing.matching(rows, c.req(), "invoice_number", n -> n.path("invoice_number").asString(null));
        return v1Page(Listing.sorted(rows, c.req()).stream().map(ProcoreApi::directCostListShape).toList(), c);
    }

    /** The v1.1 list has no line_items and carries the vendor as a name string (spec: "vendor: Vendor name"). */
    private static ObjectNode directCostListShape(ObjectNode show) {
        ObjectNode row = without(show, "line_items", "attachments", "project", "company", "line_items_count",
                "attachments_count");
        row.put("vendor", show.path("vendor").path("name").asString(null));
        return row;
    }

    private ApiResponse directCost(Call c, long pid, long id) {
        project(c, pid);
        return ok(data.find(Resource.DIRECT_COSTS, pid, id).orElseThrow(() -> ApiError.notFound("direct cost " + id)));
    }

    /** Lines of one direct cost, or of every (non-deleted) direct cost in the project, each with its holder. */
    private ApiResponse directCostLines(Call c, long pid, Long directCostId) {
        project(c, pid);
        List<ObjectNode> lines = new ArrayList<>();
        for (ObjectNode cost : data.all(Resource.DIRECT_COSTS, pid)) {
            long costId = cost.path("id").asLong();
            boolean wanted = directCostId == null ? !Listing.isDeleted(cost) : costId == directCostId;
            if (!wanted) {
                continue;
            }
            for (JsonNode line : cost.path("line_items")) {
                // the project-wide list has no company or origin_data (spec RestV10ProjectsProjectIdDirectCostsLineItemsGet)
                ObjectNode copy = directCostId == null ? without((ObjectNode) line, "company", "origin_data")
                        : ((ObjectNode) line).deepCopy();
                ObjectNode holder = copy.putObject("holder");
                holder.put("id", costId);
                holder.put("holder_type", "DirectCost");
                lines.add(copy);
            }
        }
        if (directCostId != null && data.find(Resource.DIRECT_COSTS, pid, directCostId).isEmpty()) {
            throw ApiError.notFound("direct cost " + directCostId);
        }
        Stream<ObjectNode> rows = Listing.updatedWithin(lines.stream(), c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.withIds(rows, c.req(), "holder.id", "direct_cost_id");
        rows = Listing.matching(rows, c.req(), "cost_code_id", n -> n.path("cost_code").path("id").asString(null));
        rows = Listing.matching(rows, c.req(), "line_item_type_id", n -> n.path("line_item_type").path("id").asString(null));
        return v1Page(Listing.sorted(rows, c.req()), c);
    }

    // ---- commitments ----

    private ApiResponse commitments(Call c, Resource r) {
        long pid = projectParam(c);
        Stream<ObjectNode> rows = Listing.deletedFilter(data.all(r, pid).stream(), c.req(), true);
        rows = Listing.updatedWithin(rows, c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.matching(rows, c.req(), "status", n -> n.path("status").asString(null));
        rows = Listing.matching(rows, c.req(), "origin_id", n -> n.path("origin_id").asString(null));
        // the default (compact) list view has no line items
        return v1Page(Listing.sorted(rows, c.req()).stream().map(ProcoreApi::commitmentListShape).toList(), c);
    }

    /** Compact list row: no lines, and the vendor as {id, company} only (spec RestV10PurchaseOrderContractsGet). */
    private static ObjectNode commitmentListShape(ObjectNode show) {
        ObjectNode row = without(show, "line_items", "attachments", "change_order_packages", "potential_change_orders",
                "payments_issued", "invoice_contacts");
        if (show.path("vendor").isObject()) {
            ObjectNode vendor = row.putObject("vendor");
            vendor.set("id", show.path("vendor").path("id"));
            vendor.set("company", show.path("vendor").path("company"));
        }
        return row;
    }

    /**
     * Commitment SOV lines carry quantity, unit_cost, total_amount and extended_amount as decimal strings like
     * amount (spec RestV10WorkOrderContractsIdGet / ...LineItemsPost; the older SDK models had numbers).
     */
    private static ObjectNode commitmentLineShape(JsonNode line) {
        ObjectNode copy = ((ObjectNode) line).deepCopy();
        for (String field : List.of("quantity", "unit_cost", "total_amount", "extended_amount")) {
            JsonNode v = copy.get(field);
            if (v != null && v.isNumber()) {
                java.math.BigDecimal d = v.decimalValue();
                copy.put(field, (field.equals("quantity") || d.scale() >= 2 ? d : d.setScale(2)).toPlainString());
            }
        }
        return copy;
    }

    private static ObjectNode commitmentShowShape(ObjectNode stored) {
        ObjectNode show = stored.deepCopy();
        ArrayNode lines = show.putArray("line_items");
        stored.path("line_items").forEach(l -> lines.add(commitmentLineShape(l)));
        return show;
    }

    private ApiResponse commitment(Call c, Resource r, long id) {
        long pid = projectParam(c);
        return ok(data.find(r, pid, id).map(ProcoreApi::commitmentShowShape)
                .orElseThrow(() -> ApiError.notFound("commitment " + id)));
    }

    private ApiResponse commitmentLines(Call c, Resource r, long id) {
        long pid = projectParam(c);
        ObjectNode contract = data.find(r, pid, id).orElseThrow(() -> ApiError.notFound("commitment " + id));
        List<ObjectNode> lines = new ArrayList<>();
        contract.path("line_items").forEach(l -> lines.add(commitmentLineShape(l)));
        Stream<ObjectNode> rows = Listing.updatedWithin(lines.stream(), c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        return v1Page(Listing.sorted(rows, c.req()), c);
    }

    // ---- change orders ----

    private ApiResponse changeOrders(Call c, Resource r, long pid) {
        project(c, pid);
        Stream<ObjectNode> rows = Listing.deletedFilter(data.all(r, pid).stream(), c.req(), false);
        rows = Listing.updatedWithin(rows, c.req());
        rows = Listing.withIds(rows, c.req(), "id", "id");
        rows = Listing.matching(rows, c.req(), "status", n -> n.path("status").asString(null));
        rows = Listing.matching(rows, c.req(), "contract_id", n -> n.path("contract_id").asString(null));
        // v1 CO bodies carry no lines: those come from the v2 line-items endpoint (REST reference: change orders);
        // deleted_at is the sandbox's own deletion mark, not a CO field (REST reference: change orders)
        List<ObjectNode> all = Listing.sorted(rows, c.req()).stream().map(n -> without(n, "line_items", "deleted_at")).toList();
        // the v1.0 change-order lists declare no paging: everything in one answer
        return Listing.unpaged(all);
    }

    private ApiResponse changeOrder(Call c, Resource r, long pid, long id) {
        project(c, pid);
        return ok(data.find(r, pid, id).filter(n -> !Listing.isDeleted(n))
                .map(n -> without(n, "line_items", "deleted_at"))
                .orElseThrow(() -> ApiError.notFound("change order " + id)));
    }

    /** v2: body wrapped in "data", ids as strings, decimals as strings (Procore docs: new-rest-v2-version). */
    private ApiResponse changeOrderLines(Call c, Resource r, long cid, long pid, long id) {
        if (cid != c.companyId()) {
            throw v2Error(400, "BAD_REQUEST", "company_id does not match the Procore-Company-Id header");
        }
        if (data.companyOfProject(pid).filter(owner -> owner == cid).isEmpty()) {
            throw v2Error(404, "NOT_FOUND", "project " + pid + " not found");
        }
        ObjectNode co = data.find(r, pid, id).filter(n -> !Listing.isDeleted(n))
                .orElseThrow(() -> v2Error(404, "NOT_FOUND", "change order " + id + " not found"));
        List<ObjectNode> lines = new ArrayList<>();
        // prime CO lines have no commitment_line_item_id (spec ...PrimeChangeOrderIdLineItemsGet)
        co.path("line_items").forEach(l -> lines.add(r == Resource.PRIME_CHANGE_ORDERS
                ? without((ObjectNode) l, "commitment_line_item_id") : (ObjectNode) l));
        return v2Page(lines, c);
    }

    private static ApiError v2Error(int status, String code, String message) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putArray("details");
        return new ApiError(ApiResponse.json(status, body));
    }

    static ObjectNode without(ObjectNode node, String... fields) {
        ObjectNode copy = node.deepCopy();
        for (String f : fields) {
            copy.remove(f);
        }
        return copy;
    }

    static ArrayNode array() {
        return SandboxJson.MAPPER.createArrayNode();
    }
}
