package io.mlconnector.sandbox.bc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes company-scoped API calls to entity sets and renders BC-shaped answers. Every write runs all-or-nothing:
 * the environment is snapshotted first and restored when the call fails, as BC rolls back a failed request.
 */
final class ApiHandler {

    static final List<String> DIMENSION_PARENTS = List.of("purchaseInvoices", "purchaseInvoiceLines",
            "purchaseCreditMemos", "purchaseCreditMemoLines", "journalLines", "generalLedgerEntries", "purchaseOrders");

    final BcSandboxOptions options;
    final Clock clock;
    final PurchaseDocuments documents;
    final GeneralJournals journals;

    ApiHandler(BcSandboxOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.documents = new PurchaseDocuments(this);
        this.journals = new GeneralJournals(this);
    }

    Reply handle(ApiRequest r) {
        boolean write = !r.method.equals("GET");
        Map<UUID, CompanyData> snapshot = write ? r.env.snapshot() : null;
        int changeMark = r.changes.size();
        try {
            return route(r);
        } catch (BcError e) {
            if (snapshot != null) {
                r.env.restore(snapshot);
                r.changes.subList(changeMark, r.changes.size()).clear();
            }
            return Reply.error(e);
        }
    }

    private Reply route(ApiRequest r) {
        List<ApiRequest.Segment> segs = r.segments;
        if (segs.isEmpty() || !segs.get(0).name().equals("companies")) {
            throw resourceNotFound(r);
        }
        if (segs.get(0).key() == null) {
            requireMethod(r, "companies", "GET");
            if (segs.size() > 1) {
                throw resourceNotFound(r);
            }
            List<ObjectNode> companies = r.env.companies.values().stream().map(c -> c.company).toList();
            return list(r, null, "companies", companies);
        }
        CompanyData company = r.env.companies.get(segs.get(0).guid());
        if (company == null) {
            throw new BcError(404, "Internal_CompanyNotFound", "The company does not exist or you do not have access to it.");
        }
        if (segs.size() == 1) {
            requireMethod(r, "companies", "GET");
            return one(r, company, "companies", company.company);
        }
        return companyRoute(r, company, segs.subList(1, segs.size()));
    }

    private Reply companyRoute(ApiRequest r, CompanyData c, List<ApiRequest.Segment> segs) {
        String set = segs.get(0).name();
        return switch (set) {
            case "vendors" -> vendors(r, c, segs);
            case "accounts", "purchaseOrders", "dimensionValues" -> readOnly(r, c, set, c.set(set).values(), segs);
            case "generalLedgerEntries" -> segs.size() > 1 ? dimensionSetLines(r, c, entity(c, set, segs.get(0)),
                    set, segs.subList(1, segs.size()), false) : readOnly(r, c, set, c.set(set).values(), segs);
            case "dimensions" -> {
                if (segs.size() >= 2 && segs.get(0).key() != null && segs.get(1).name().equals("dimensionValues")) {
                    ObjectNode dimension = entity(c, "dimensions", segs.get(0));
                    String dimId = dimension.get("id").stringValue();
                    List<ObjectNode> values = c.set("dimensionValues").values().stream()
                            .filter(v -> dimId.equals(Json.text(v, "dimensionId"))).toList();
                    yield readOnly(r, c, "dimensionValues", values, segs.subList(1, segs.size()));
                }
                yield readOnly(r, c, set, c.set(set).values(), segs);
            }
            case "purchaseInvoices" -> documents.route(r, c, PurchaseDocuments.Kind.INVOICE, segs);
            case "purchaseCreditMemos" -> documents.route(r, c, PurchaseDocuments.Kind.CREDIT_MEMO, segs);
            case "purchaseInvoiceLines" -> documents.topLevelLines(r, c, PurchaseDocuments.Kind.INVOICE, segs);
            case "purchaseCreditMemoLines" -> documents.topLevelLines(r, c, PurchaseDocuments.Kind.CREDIT_MEMO, segs);
            case "journals" -> journals.route(r, c, segs);
            case "journalLines" -> journals.topLevelLines(r, c, segs);
            case "dimensionSetLines" -> throw new BcError(400, "BadRequest",
                    "You must get to the parent first to get to the dimension set lines.");
            default -> throw resourceNotFound(r);
        };
    }

    // ---------------------------------------------------------------- vendors

    private Reply vendors(ApiRequest r, CompanyData c, List<ApiRequest.Segment> segs) {
        EntityType type = EntityTypes.of("vendors");
        if (segs.size() > 1) {
            throw resourceNotFound(r);
        }
        if (segs.get(0).key() == null) {
            requireMethod(r, "vendors", "GET", "POST");
            if (r.method.equals("GET")) {
                return list(r, c, "vendors", c.set("vendors").values());
            }
            ObjectNode vendor = type.blank();
            vendor.put("blocked", " ");
            type.apply(vendor, requireBody(r), true, List.of());
            vendor.put("id", UUID.randomUUID().toString());
            if (vendor.get("number").stringValue().isEmpty()) {
                vendor.put("number", nextVendorNumber(c));
            }
            requireUniqueVendorNumber(c, vendor);
            insert(r, c, "vendors", vendor);
            return Reply.json(201, render(c, "vendors", vendor, null, List.of()));
        }
        ObjectNode vendor = entity(c, "vendors", segs.get(0));
        requireMethod(r, "vendors", "GET", "PATCH", "DELETE");
        switch (r.method) {
            case "GET" -> {
                return one(r, c, "vendors", vendor);
            }
            case "PATCH" -> {
                checkIfMatch(r, vendor);
                type.apply(vendor, requireBody(r), false, List.of());
                requireUniqueVendorNumber(c, vendor);
                touch(r, c, "vendors", vendor, "updated");
                return Reply.json(200, render(c, "vendors", vendor, null, List.of()));
            }
            default -> {
                checkIfMatch(r, vendor);
                c.set("vendors").remove(UUID.fromString(vendor.get("id").stringValue()));
                emit(r, c, "vendors", vendor, "deleted");
                return Reply.noContent();
            }
        }
    }

    private static String nextVendorNumber(CompanyData c) {
        int max = c.set("vendors").values().stream().map(v -> v.get("number").stringValue())
                .filter(n -> n.matches("V\\d+")).mapToInt(n -> Integer.parseInt(n.substring(1))).max().orElse(1000);
        return "V" + (max + 10);
    }

    private static void requireUniqueVendorNumber(CompanyData c, ObjectNode vendor) {
        String number = vendor.get("number").stringValue();
        boolean clash = c.set("vendors").values().stream().anyMatch(v -> v != vendor
                && number.equals(v.get("number").stringValue()) && !v.get("id").equals(vendor.get("id")));
        if (clash) {
            throw new BcError(400, "Internal_EntityWithSameKeyExists",
                    "The record in table Vendor already exists. Identification fields and values: No.='" + number + "'");
        }
    }

    // ---------------------------------------------------------------- generic entity plumbing

    private Reply readOnly(ApiRequest r, CompanyData c, String set, Collection<ObjectNode> items,
                           List<ApiRequest.Segment> segs) {
        requireMethod(r, set, "GET");
        if (segs.size() > 1) {
            throw resourceNotFound(r);
        }
        if (segs.get(0).key() == null) {
            return list(r, c, set, items);
        }
        UUID id = segs.get(0).guid();
        ObjectNode node = items.stream().filter(n -> id.toString().equals(Json.text(n, "id"))).findFirst()
                .orElseThrow(() -> notFound(set, id));
        return one(r, c, set, node);
    }

    ObjectNode entity(CompanyData c, String set, ApiRequest.Segment segment) {
        UUID id = segment.guid();
        ObjectNode node = c.set(set).get(id);
        if (node == null) {
            throw notFound(set, id);
        }
        return node;
    }

    static BcError notFound(String set, UUID id) {
        String type = EntityTypes.of(set).name;
        return new BcError(404, "BadRequest_NotFound", "The " + Character.toUpperCase(type.charAt(0)) + type.substring(1)
                + " does not exist. Identification fields and values: Id='" + id + "'");
    }

    static BcError resourceNotFound(ApiRequest r) {
        return new BcError(404, "BadRequest_ResourceNotFound",
                "No HTTP resource was found that matches the request URI '" + r.relativePath + "'.");
    }

    static void requireMethod(ApiRequest r, String set, String... allowed) {
        if (!Arrays.asList(allowed).contains(r.method)) {
            EntityType type = EntityTypes.BY_SET.get(set);
            throw new BcError(405, "BadRequest_MethodNotAllowed", "'" + r.method + "' requests for '" + set
                    + "' of EntityType '" + (type == null ? set : type.name)
                    + "' are not allowed within Dynamics 365 Business Central OData web services.");
        }
    }

    static JsonNode requireBody(ApiRequest r) {
        if (r.body == null || !r.body.isObject()) {
            throw BcError.badRequest("The request body is empty or is not a JSON object.");
        }
        return r.body;
    }

    /** If-Match is mandatory on PATCH and DELETE (Microsoft Learn: use-odata-to-modify-data); {@code *} overwrites. */
    static void checkIfMatch(ApiRequest r, ObjectNode node) {
        String ifMatch = r.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new BcError(400, "BadRequest_InvalidToken", "Could not validate the client concurrency token required"
                    + " by the service. Please provide a valid token in the client request.");
        }
        if (!ifMatch.trim().equals("*") && !ifMatch.trim().equals(Json.text(node, "@odata.etag"))) {
            throw new BcError(409, "Request_EntityChanged", "Another user has already changed the record.");
        }
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    void insert(ApiRequest r, CompanyData c, String set, ObjectNode node) {
        c.set(set).put(UUID.fromString(node.get("id").stringValue()), node);
        touch(r, c, set, node, "created");
    }

    /** New ETag and lastModifiedDateTime, and a webhook change for the entity (or its header, for lines). */
    void touch(ApiRequest r, CompanyData c, String set, ObjectNode node, String changeType) {
        Etags.touch(node);
        if (node.has("lastModifiedDateTime")) {
            node.put("lastModifiedDateTime", now().toString());
        }
        emit(r, c, set, node, changeType);
    }

    void emit(ApiRequest r, CompanyData c, String set, ObjectNode node, String changeType) {
        if (r == null) {
            return;
        }
        r.changes.add(new Change(r.env.tenantId, r.env.name, c.id, set, UUID.fromString(node.get("id").stringValue()),
                changeType, now()));
    }

    // ---------------------------------------------------------------- rendering

    Reply list(ApiRequest r, CompanyData c, String set, Collection<ObjectNode> items) {
        EntityType type = EntityTypes.of(set);
        ODataQuery q = ODataQuery.parse(r.query, type);
        List<ObjectNode> matching = items.stream().filter(q.filter::test).collect(Collectors.toList());
        if (q.top != null && q.top < matching.size()) {
            matching = matching.subList(0, q.top);
        }
        int pageSize = options.maxPageSize();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Reply.JSON);
        String prefer = r.header("Prefer");
        if (prefer != null && prefer.contains("odata.maxpagesize=")) {
            String value = prefer.substring(prefer.indexOf("odata.maxpagesize=") + 18).split("[,;\\s]")[0];
            pageSize = Math.min(pageSize, Math.max(1, Integer.parseInt(value)));
            headers.put("Preference-Applied", "odata.maxpagesize=" + pageSize);
        }
        int from = Math.min(q.skip, matching.size());
        int to = Math.min(from + pageSize, matching.size());
        ObjectNode out = Json.object();
        out.put("@odata.context", r.apiRoot + "/$metadata#" + set);
        ArrayNode value = out.putArray("value");
        for (ObjectNode node : matching.subList(from, to)) {
            value.add(render(c, set, node, q.select, q.expand));
        }
        if (to < matching.size()) {
            out.put("@odata.nextLink", nextLink(r, to));
        }
        return new Reply(200, Json.write(out), headers);
    }

    private static String nextLink(ApiRequest r, int skip) {
        List<String> params = new ArrayList<>();
        if (r.rawQuery != null && !r.rawQuery.isEmpty()) {
            for (String p : r.rawQuery.split("&")) {
                if (!p.startsWith("$skiptoken=") && !p.startsWith("%24skiptoken=")) {
                    params.add(p);
                }
            }
        }
        params.add("$skiptoken=" + skip);
        return r.apiRoot + "/" + r.relativePath + "?" + String.join("&", params);
    }

    Reply one(ApiRequest r, CompanyData c, String set, ObjectNode node) {
        ODataQuery q = ODataQuery.parse(Map.of("$select", r.query.getOrDefault("$select", ""),
                "$expand", r.query.getOrDefault("$expand", "")), EntityTypes.of(set));
        ObjectNode out = render(c, set, node, q.select, q.expand);
        out.put("@odata.context", r.apiRoot + "/$metadata#" + set + "/$entity");
        return Reply.json(200, out);
    }

    ObjectNode render(CompanyData c, String set, ObjectNode node, List<String> select, List<ODataQuery.Expand> expand) {
        ObjectNode out = node.deepCopy();
        out.remove(out.propertyNames().stream().filter(n -> n.startsWith("_")).toList());
        for (EntityType.Prop p : EntityTypes.of(set).props.values()) {
            if (p.kind() == EntityType.Kind.ENUM && out.hasNonNull(p.name())) {
                out.put(p.name(), WireEnums.encode(out.get(p.name()).asString())); // BC24+: encoded member names
            }
        }
        out = ODataQuery.applySelect(out, select);
        for (ODataQuery.Expand e : expand) {
            Navigation nav = navigate(c, set, node, e.navigation());
            ArrayNode children = out.putArray(e.navigation());
            for (ObjectNode child : nav.items()) {
                children.add(render(c, nav.set(), child, e.select(), e.expand()));
            }
        }
        return out;
    }

    record Navigation(String set, List<ObjectNode> items) {
    }

    Navigation navigate(CompanyData c, String set, ObjectNode node, String navigation) {
        String id = node.get("id").stringValue();
        if (navigation.equals("dimensionSetLines") && DIMENSION_PARENTS.contains(set)) {
            return new Navigation("dimensionSetLines", dimensions(node));
        }
        return switch (set + "/" + navigation) {
            case "purchaseInvoices/purchaseInvoiceLines" -> new Navigation(navigation, children(c, navigation, "documentId", id, "sequence"));
            case "purchaseCreditMemos/purchaseCreditMemoLines" -> new Navigation(navigation, children(c, navigation, "documentId", id, "sequence"));
            case "journals/journalLines" -> new Navigation(navigation, children(c, navigation, "journalId", id, "lineNumber"));
            case "dimensions/dimensionValues" -> new Navigation(navigation, children(c, navigation, "dimensionId", id, null));
            default -> throw ODataQuery.unknownProperty(navigation, EntityTypes.of(set));
        };
    }

    static List<ObjectNode> children(CompanyData c, String set, String parentField, String parentId, String orderBy) {
        List<ObjectNode> items = c.set(set).values().stream().filter(n -> parentId.equals(Json.text(n, parentField)))
                .collect(Collectors.toList());
        if (orderBy != null) {
            items.sort(Comparator.comparingInt(n -> n.get(orderBy).intValue()));
        }
        return items;
    }

    // ---------------------------------------------------------------- dimension set lines (dynamics_dimensionsetline)

    static List<ObjectNode> dimensions(ObjectNode parent) {
        List<ObjectNode> items = new ArrayList<>();
        JsonNode dims = parent.get("_dims");
        if (dims != null) {
            dims.forEach(d -> items.add((ObjectNode) d));
        }
        return items;
    }

    /**
     * {@code <parent>/dimensionSetLines[(dimensionId)]}: list, get, POST (code or id + valueCode or valueId), PATCH
     * the value with If-Match, DELETE. The key is the dimension's id.
     */
    Reply dimensionSetLines(ApiRequest r, CompanyData c, ObjectNode parent, String parentSet,
                            List<ApiRequest.Segment> segs, boolean writable) {
        if (segs.size() != 1 || !segs.get(0).name().equals("dimensionSetLines")) {
            throw resourceNotFound(r);
        }
        if (!writable) {
            requireMethod(r, "dimensionSetLines", "GET");
        }
        if (segs.get(0).key() == null) {
            requireMethod(r, "dimensionSetLines", "GET", "POST");
            if (r.method.equals("GET")) {
                return list(r, c, "dimensionSetLines", dimensions(parent));
            }
            ObjectNode line = addDimension(c, parent, parentSet, requireBody(r));
            touchParent(r, c, parentSet, parent);
            return Reply.json(201, render(c, "dimensionSetLines", line, null, List.of()));
        }
        UUID dimensionId = segs.get(0).guid();
        ObjectNode line = dimensions(parent).stream().filter(d -> dimensionId.toString().equals(Json.text(d, "id")))
                .findFirst().orElseThrow(() -> notFound("dimensionSetLines", dimensionId));
        requireMethod(r, "dimensionSetLines", "GET", "PATCH", "DELETE");
        switch (r.method) {
            case "GET" -> {
                return one(r, c, "dimensionSetLines", line);
            }
            case "PATCH" -> {
                checkIfMatch(r, line);
                JsonNode body = requireBody(r);
                if (body.has("id") || body.has("code")) {
                    throw new BcError(400, "BadRequest_InvalidOperation", "The dimension code cannot be changed.");
                }
                setDimensionValue(c, line, body);
                Etags.touch(line);
                touchParent(r, c, parentSet, parent);
                return Reply.json(200, render(c, "dimensionSetLines", line, null, List.of()));
            }
            default -> {
                checkIfMatch(r, line);
                ArrayNode dims = (ArrayNode) parent.get("_dims");
                for (int i = 0; i < dims.size(); i++) {
                    if (dims.get(i) == line) {
                        dims.remove(i);
                        break;
                    }
                }
                touchParent(r, c, parentSet, parent);
                return Reply.noContent();
            }
        }
    }

    /** A line change notifies and re-stamps the header (Microsoft Learn: dynamics-subscriptions). */
    void touchParent(ApiRequest r, CompanyData c, String parentSet, ObjectNode parent) {
        switch (parentSet) {
            case "purchaseInvoiceLines", "purchaseCreditMemoLines" -> {
                Etags.touch(parent);
                String headerSet = parentSet.equals("purchaseInvoiceLines") ? "purchaseInvoices" : "purchaseCreditMemos";
                ObjectNode header = c.set(headerSet).get(UUID.fromString(parent.get("documentId").stringValue()));
                if (header != null) {
                    touch(r, c, headerSet, header, "updated");
                }
            }
            case "journalLines" -> Etags.touch(parent);
            default -> touch(r, c, parentSet, parent, "updated");
        }
    }

    ObjectNode addDimension(CompanyData c, ObjectNode parent, String parentSet, JsonNode body) {
        String code = Json.text(body, "code");
        String id = Json.text(body, "id");
        ObjectNode dimension = c.set("dimensions").values().stream()
                .filter(d -> code != null && d.get("code").stringValue().equals(code.trim().toUpperCase())
                        || id != null && d.get("id").stringValue().equalsIgnoreCase(id))
                .findFirst().orElseThrow(() -> BcError.dialog("The dimension " + (code != null ? code : id)
                        + " does not exist."));
        ArrayNode dims = parent.has("_dims") ? (ArrayNode) parent.get("_dims") : parent.putArray("_dims");
        for (JsonNode existing : dims) {
            if (existing.get("id").equals(dimension.get("id"))) {
                throw BcError.dialog("The dimension set line already exists. Check existing dimension set lines and"
                        + " the default dimension set lines on the parent.");
            }
        }
        ObjectNode line = EntityTypes.of("dimensionSetLines").blank();
        line.put("id", dimension.get("id").stringValue());
        line.put("code", dimension.get("code").stringValue());
        line.put("displayName", dimension.get("displayName").stringValue());
        line.put("consolidationCode", dimension.get("consolidationCode").stringValue());
        line.put("parentId", parent.get("id").stringValue());
        line.put("parentType", parentType(parentSet));
        setDimensionValue(c, line, body);
        Etags.touch(line);
        dims.add(line);
        return line;
    }

    private static String parentType(String parentSet) {
        return switch (parentSet) {
            case "purchaseInvoices" -> "Purchase Invoice";
            case "purchaseInvoiceLines" -> "Purchase Invoice Line";
            case "purchaseCreditMemos" -> "Purchase Credit Memo";
            case "purchaseCreditMemoLines" -> "Purchase Credit Memo Line";
            case "journalLines" -> "Journal Line";
            case "generalLedgerEntries" -> "General Ledger Entry";
            case "purchaseOrders" -> "Purchase Order";
            default -> " ";
        };
    }

    private void setDimensionValue(CompanyData c, ObjectNode line, JsonNode body) {
        String valueCode = Json.text(body, "valueCode");
        String valueId = Json.text(body, "valueId");
        String dimensionId = line.get("id").stringValue();
        if (valueCode == null && valueId == null) {
            throw new BcError(400, "BadRequest_RequiredParamNotProvided", "A \"valueCode\" or a \"valueId\" must be provided.");
        }
        ObjectNode value = c.set("dimensionValues").values().stream()
                .filter(v -> dimensionId.equals(Json.text(v, "dimensionId")))
                .filter(v -> valueCode != null && v.get("code").stringValue().equals(valueCode.trim().toUpperCase())
                        || valueId != null && v.get("id").stringValue().equalsIgnoreCase(valueId))
                .findFirst().orElseThrow(() -> BcError.dialog("The dimension value "
                        + (valueCode != null ? valueCode.trim().toUpperCase() : valueId) + " has not been set up for dimension "
                        + line.get("code").stringValue() + "."));
        line.put("valueId", value.get("id").stringValue());
        line.put("valueCode", value.get("code").stringValue());
        line.put("valueDisplayName", value.get("displayName").stringValue());
        line.put("valueConsolidationCode", value.get("consolidationCode").stringValue());
    }

    /** Posting re-validates every dimension value still exists (values can be deleted in BC after the line was made). */
    static void checkDimensionsStillValid(CompanyData c, ObjectNode parent) {
        for (ObjectNode d : dimensions(parent)) {
            if (!c.set("dimensionValues").containsKey(UUID.fromString(d.get("valueId").stringValue()))) {
                throw BcError.dialog("The dimension value " + d.get("valueCode").stringValue()
                        + " has not been set up for dimension " + d.get("code").stringValue() + ".");
            }
        }
    }

    // ---------------------------------------------------------------- G/L accounts

    /** The checks BC runs when a G/L account is put on a purchase line or journal line (dynamics_account). */
    ObjectNode postingAccount(CompanyData c, String number, boolean requireDirectPosting, boolean relationError) {
        String no = number == null ? "" : number.trim().toUpperCase();
        ObjectNode account = c.findBy("accounts", "number", no).orElseThrow(() -> relationError
                ? new BcError(400, "Internal_InvalidTableRelation", "The field Account No. of table Gen. Journal Line"
                        + " contains a value (" + no + ") that cannot be found in the related table (G/L Account).")
                : BcError.dialog("Account does not exist."));
        if (!"Posting".equals(Json.text(account, "accountType"))) {
            throw BcError.fieldValidation("Account Type must be equal to 'Posting'  in G/L Account: No.=" + no
                    + ". Current value is '" + Json.text(account, "accountType") + "'.");
        }
        if (account.get("blocked").booleanValue()) {
            throw BcError.fieldValidation("Blocked must be equal to 'No'  in G/L Account: No.=" + no
                    + ". Current value is 'Yes'.");
        }
        if (requireDirectPosting && !account.get("directPosting").booleanValue()) {
            throw BcError.fieldValidation("Direct Posting must be equal to 'Yes'  in G/L Account: No.=" + no
                    + ". Current value is 'No'.");
        }
        return account;
    }

    void checkPostingDate(CompanyData c, LocalDate postingDate) {
        CompanyData.Settings s = c.settings;
        if (s.allowPostingFrom != null && postingDate.isBefore(s.allowPostingFrom)
                || s.allowPostingTo != null && postingDate.isAfter(s.allowPostingTo)) {
            throw BcError.dialog("Posting Date " + postingDate + " is not within your range of allowed posting dates.");
        }
    }

    /** One G/L entry; the external document number and source are kept for tests (not in the v2.0 entity). */
    ObjectNode glEntry(ApiRequest r, CompanyData c, ObjectNode account, LocalDate postingDate, String documentNumber,
                       String documentType, String description, java.math.BigDecimal amount, String externalDocumentNumber,
                       List<ObjectNode> dimensions) {
        ObjectNode entry = EntityTypes.of("generalLedgerEntries").blank();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("entryNumber", ++c.glEntryNumber);
        entry.put("postingDate", postingDate.toString());
        entry.put("documentNumber", documentNumber);
        entry.put("documentType", documentType);
        entry.put("accountId", account.get("id").stringValue());
        entry.put("accountNumber", account.get("number").stringValue());
        entry.put("description", description);
        entry.put("debitAmount", amount.signum() > 0 ? amount : java.math.BigDecimal.ZERO);
        entry.put("creditAmount", amount.signum() < 0 ? amount.negate() : java.math.BigDecimal.ZERO);
        entry.put("_externalDocumentNumber", externalDocumentNumber);
        entry.put("_amount", amount);
        ArrayNode dims = entry.putArray("_dims");
        for (ObjectNode d : dimensions) {
            ObjectNode copy = d.deepCopy();
            copy.put("parentId", entry.get("id").stringValue());
            copy.put("parentType", "General Ledger Entry");
            dims.add(copy);
        }
        insert(r, c, "generalLedgerEntries", entry);
        return entry;
    }
}
