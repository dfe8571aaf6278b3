package io.mlconnector.sandbox.bc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * purchaseInvoices and purchaseCreditMemos: drafts created by POST (deep insert of lines, optionally with nested
 * line dimensionSetLines), edited while Draft, posted with {@code Microsoft.NAV.post} (dynamics_purchaseinvoice). Posting
 * keeps the id, sets status Open and a number from the posted-document series, and writes G/L entries.
 */
final class PurchaseDocuments {

    enum Kind {
        INVOICE("purchaseInvoices", "purchaseInvoiceLines", "invoiceDate", "vendorInvoiceNumber", "Vendor Invoice No.",
                "Invoice", "invoice"),
        CREDIT_MEMO("purchaseCreditMemos", "purchaseCreditMemoLines", "creditMemoDate", "vendorCreditMemoNumber",
                "Vendor Cr. Memo No.", "Credit Memo", "credit memo");

        final String set;
        final String lineSet;
        final String dateField;
        final String externalField;
        final String externalCaption;
        final String label;
        final String lowerLabel;

        Kind(String set, String lineSet, String dateField, String externalField, String externalCaption, String label,
             String lowerLabel) {
            this.set = set;
            this.lineSet = lineSet;
            this.dateField = dateField;
            this.externalField = externalField;
            this.externalCaption = externalCaption;
            this.label = label;
            this.lowerLabel = lowerLabel;
        }
    }

    private static final String POST_ACTION = "Microsoft.NAV.post";

    private final ApiHandler api;

    PurchaseDocuments(ApiHandler api) {
        this.api = api;
    }

    Reply route(ApiRequest r, CompanyData c, Kind kind, List<ApiRequest.Segment> segs) {
        if (segs.get(0).key() == null) {
            if (segs.size() > 1) {
                throw ApiHandler.resourceNotFound(r);
            }
            ApiHandler.requireMethod(r, kind.set, "GET", "POST");
            if (r.method.equals("GET")) {
                return api.list(r, c, kind.set, c.set(kind.set).values());
            }
            ObjectNode doc = create(r, c, kind, ApiHandler.requireBody(r));
            ODataQuery q = ODataQuery.parse(java.util.Map.of("$expand", r.query.getOrDefault("$expand", "")),
                    EntityTypes.of(kind.set));
            return Reply.json(201, api.render(c, kind.set, doc, null, q.expand));
        }
        ObjectNode doc = api.entity(c, kind.set, segs.get(0));
        if (segs.size() == 1) {
            ApiHandler.requireMethod(r, kind.set, "GET", "PATCH", "DELETE");
            switch (r.method) {
                case "GET" -> {
                    return api.one(r, c, kind.set, doc);
                }
                case "PATCH" -> {
                    ApiHandler.checkIfMatch(r, doc);
                    requireDraft(doc, kind);
                    EntityTypes.of(kind.set).apply(doc, ApiHandler.requireBody(r), false, List.of());
                    api.touch(r, c, kind.set, doc, "updated");
                    return Reply.json(200, api.render(c, kind.set, doc, null, List.of()));
                }
                default -> {
                    ApiHandler.checkIfMatch(r, doc);
                    requireDraft(doc, kind);
                    for (ObjectNode line : lines(c, kind, doc)) {
                        c.set(kind.lineSet).remove(UUID.fromString(line.get("id").stringValue()));
                    }
                    c.set(kind.set).remove(UUID.fromString(doc.get("id").stringValue()));
                    api.emit(r, c, kind.set, doc, "deleted");
                    return Reply.noContent();
                }
            }
        }
        ApiRequest.Segment second = segs.get(1);
        if (second.name().equals(POST_ACTION) && segs.size() == 2) {
            ApiHandler.requireMethod(r, kind.set, "POST");
            post(r, c, kind, doc);
            return Reply.noContent();
        }
        if (second.name().equals("dimensionSetLines")) {
            if (!r.method.equals("GET")) {
                requireDraft(doc, kind);
            }
            return api.dimensionSetLines(r, c, doc, kind.set, segs.subList(1, segs.size()), true);
        }
        if (second.name().equals(kind.lineSet)) {
            return lineRoute(r, c, kind, doc, segs.subList(1, segs.size()));
        }
        throw ApiHandler.resourceNotFound(r);
    }

    /** {@code purchaseInvoiceLines(id)[/dimensionSetLines]}, or a list that must be filtered by document. */
    Reply topLevelLines(ApiRequest r, CompanyData c, Kind kind, List<ApiRequest.Segment> segs) {
        if (segs.get(0).key() == null) {
            ApiHandler.requireMethod(r, kind.lineSet, "GET");
            String filter = r.query.getOrDefault("$filter", "");
            if (!filter.contains("documentId") && !filter.contains("id ")) {
                throw new BcError(400, "BadRequest", "You must specify an Id or a Document Id to get the lines.");
            }
            return api.list(r, c, kind.lineSet, c.set(kind.lineSet).values());
        }
        ObjectNode line = api.entity(c, kind.lineSet, segs.get(0));
        ObjectNode doc = c.set(kind.set).get(UUID.fromString(line.get("documentId").stringValue()));
        return lineRoute(r, c, kind, doc, segs);
    }

    private Reply lineRoute(ApiRequest r, CompanyData c, Kind kind, ObjectNode doc, List<ApiRequest.Segment> segs) {
        if (!r.method.equals("GET")) {
            requireDraft(doc, kind);
        }
        if (segs.get(0).key() == null) {
            ApiHandler.requireMethod(r, kind.lineSet, "GET", "POST");
            if (r.method.equals("GET")) {
                return api.list(r, c, kind.lineSet, ApiHandler.children(c, kind.lineSet, "documentId",
                        doc.get("id").stringValue(), "sequence"));
            }
            ObjectNode line = insertLine(r, c, kind, doc, ApiHandler.requireBody(r));
            recalculate(c, kind, doc);
            api.touch(r, c, kind.set, doc, "updated");
            return Reply.json(201, api.render(c, kind.lineSet, line, null, List.of()));
        }
        ObjectNode line = api.entity(c, kind.lineSet, segs.get(0));
        if (!doc.get("id").equals(line.get("documentId"))) {
            throw ApiHandler.notFound(kind.lineSet, segs.get(0).guid());
        }
        if (segs.size() > 1) {
            return api.dimensionSetLines(r, c, line, kind.lineSet, segs.subList(1, segs.size()), true);
        }
        ApiHandler.requireMethod(r, kind.lineSet, "GET", "PATCH", "DELETE");
        switch (r.method) {
            case "GET" -> {
                return api.one(r, c, kind.lineSet, line);
            }
            case "PATCH" -> {
                ApiHandler.checkIfMatch(r, line);
                JsonNode body = ApiHandler.requireBody(r);
                if (body.has("lineObjectNumber") || body.has("documentId") || body.has("sequence")) {
                    throw new BcError(400, "BadRequest_InvalidOperation",
                            "lineObjectNumber, documentId and sequence cannot be changed; delete and re-insert the line.");
                }
                EntityTypes.of(kind.lineSet).apply(line, body, false, List.of());
                amounts(line);
                Etags.touch(line);
                recalculate(c, kind, doc);
                api.touch(r, c, kind.set, doc, "updated");
                return Reply.json(200, api.render(c, kind.lineSet, line, null, List.of()));
            }
            default -> {
                ApiHandler.checkIfMatch(r, line);
                c.set(kind.lineSet).remove(UUID.fromString(line.get("id").stringValue()));
                recalculate(c, kind, doc);
                api.touch(r, c, kind.set, doc, "updated");
                return Reply.noContent();
            }
        }
    }

    // ---------------------------------------------------------------- create

    ObjectNode create(ApiRequest r, CompanyData c, Kind kind, JsonNode body) {
        EntityType type = EntityTypes.of(kind.set);
        ObjectNode doc = type.blank();
        type.apply(doc, body, true, List.of(kind.lineSet, "dimensionSetLines"));
        doc.put("id", UUID.randomUUID().toString());
        doc.put("status", "Draft");
        doc.put("number", nextDraftNumber(c, kind));
        ObjectNode vendor = vendorOf(c, doc);
        String blocked = vendor.get("blocked").stringValue();
        if (blocked.equals("All")) {
            throw BcError.dialog("You cannot create this type of document when Vendor " + vendor.get("number").stringValue()
                    + " is blocked with type All");
        }
        doc.put("vendorId", vendor.get("id").stringValue());
        doc.put("vendorNumber", vendor.get("number").stringValue());
        doc.put("vendorName", vendor.get("displayName").stringValue());
        doc.put("payToVendorId", vendor.get("id").stringValue());
        doc.put("payToVendorNumber", vendor.get("number").stringValue());
        doc.put("payToName", vendor.get("displayName").stringValue());
        copyAddress(vendor, doc, "buyFrom");
        copyAddress(vendor, doc, "payTo");
        LocalDate today = api.today();
        if (isBlank(doc, "postingDate")) {
            doc.put("postingDate", today.toString());
        }
        if (isBlank(doc, kind.dateField)) {
            doc.put(kind.dateField, doc.get("postingDate").stringValue());
        }
        if (isBlank(doc, "dueDate")) {
            doc.put("dueDate", doc.get(kind.dateField).stringValue());
        }
        c.set(kind.set).put(UUID.fromString(doc.get("id").stringValue()), doc);
        for (JsonNode d : iterable(body.get("dimensionSetLines"))) {
            api.addDimension(c, doc, kind.set, d);
        }
        for (JsonNode lineBody : iterable(body.get(kind.lineSet))) {
            insertLine(r, c, kind, doc, lineBody);
        }
        recalculate(c, kind, doc);
        api.touch(r, c, kind.set, doc, "created");
        return doc;
    }

    private static boolean isBlank(ObjectNode doc, String field) {
        String v = Json.text(doc, field);
        return v == null || v.isEmpty() || v.equals("0001-01-01");
    }

    private static void copyAddress(ObjectNode vendor, ObjectNode doc, String prefix) {
        String[][] pairs = {{"addressLine1", "AddressLine1"}, {"addressLine2", "AddressLine2"}, {"city", "City"},
                {"state", "State"}, {"country", "Country"}, {"postalCode", "PostCode"}};
        for (String[] p : pairs) {
            String field = prefix + p[1];
            if (doc.has(field) && doc.get(field).stringValue().isEmpty()) {
                doc.put(field, vendor.get(p[0]).stringValue());
            }
        }
    }

    private static ObjectNode vendorOf(CompanyData c, ObjectNode doc) {
        String vendorId = doc.get("vendorId").stringValue();
        String vendorNumber = doc.get("vendorNumber").stringValue();
        if (!vendorId.equals(EntityType.EMPTY_GUID.toString())) {
            ObjectNode v = c.set("vendors").get(UUID.fromString(vendorId));
            if (v == null) {
                throw new BcError(400, "Internal_RecordNotFound",
                        "The Vendor does not exist. Identification fields and values: Id='" + vendorId + "'");
            }
            return v;
        }
        if (vendorNumber.isEmpty()) {
            throw BcError.dialog("A \"vendorNumber\" or a \"vendorID\" must be provided.");
        }
        return c.findBy("vendors", "number", vendorNumber).orElseThrow(() -> new BcError(400, "Internal_RecordNotFound",
                "The Vendor does not exist. Identification fields and values: No.='" + vendorNumber + "'"));
    }

    private static String nextDraftNumber(CompanyData c, Kind kind) {
        if (kind == Kind.INVOICE) {
            String n = c.settings.nextPurchaseInvoiceNo;
            c.settings.nextPurchaseInvoiceNo = CompanyData.increment(n);
            return n;
        }
        String n = c.settings.nextPurchaseCreditMemoNo;
        c.settings.nextPurchaseCreditMemoNo = CompanyData.increment(n);
        return n;
    }

    private ObjectNode insertLine(ApiRequest r, CompanyData c, Kind kind, ObjectNode doc, JsonNode body) {
        EntityType type = EntityTypes.of(kind.lineSet);
        ObjectNode line = type.blank();
        type.apply(line, body, true, List.of("dimensionSetLines"));
        line.put("id", UUID.randomUUID().toString());
        line.put("documentId", doc.get("id").stringValue());
        if (line.get("sequence").intValue() == 0) {
            int max = lines(c, kind, doc).stream().mapToInt(l -> l.get("sequence").intValue()).max().orElse(0);
            line.put("sequence", max + 10000);
        }
        if (!body.has("lineType") && !line.get("lineObjectNumber").stringValue().isEmpty()) {
            line.put("lineType", "Account");
        }
        switch (line.get("lineType").stringValue()) {
            case "Account" -> {
                ObjectNode account = api.postingAccount(c, line.get("lineObjectNumber").stringValue(), true, false);
                line.put("accountId", account.get("id").stringValue());
                if (line.get("description").stringValue().isEmpty()) {
                    line.put("description", account.get("displayName").stringValue());
                }
            }
            case "Comment" -> {
            }
            default -> throw BcError.dialog(line.get("lineType").stringValue() + " does not exist.");
        }
        amounts(line);
        Etags.touch(line);
        c.set(kind.lineSet).put(UUID.fromString(line.get("id").stringValue()), line);
        JsonNode nested = body.get("dimensionSetLines");
        if (nested != null && !nested.isEmpty()) {
            if (!api.options.acceptNestedDimensionSetLines()) {
                // Whether real BC accepts dimensionSetLines nested in a deep insert is UNCONFIRMED (docs/api-facts.md).
                throw new BcError(400, "BadRequest", "Deep insert is not supported for the navigation property"
                        + " 'dimensionSetLines' of '" + type.qualifiedName() + "'.");
            }
            for (JsonNode d : nested) {
                api.addDimension(c, line, kind.lineSet, d);
            }
        }
        return line;
    }

    private static void amounts(ObjectNode line) {
        BigDecimal amount = line.get("quantity").decimalValue().multiply(line.get("unitCost").decimalValue())
                .subtract(line.get("discountAmount").decimalValue()).setScale(2, java.math.RoundingMode.HALF_UP);
        line.put("amountExcludingTax", amount);
        line.put("netAmount", amount);
        line.put("amountIncludingTax", amount);
        line.put("netAmountIncludingTax", amount);
    }

    private static void recalculate(CompanyData c, Kind kind, ObjectNode doc) {
        BigDecimal total = lines(c, kind, doc).stream().map(l -> l.get("amountExcludingTax").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        doc.put("totalAmountExcludingTax", total);
        doc.put("totalTaxAmount", BigDecimal.ZERO);
        doc.put("totalAmountIncludingTax", total);
    }

    static List<ObjectNode> lines(CompanyData c, Kind kind, ObjectNode doc) {
        return ApiHandler.children(c, kind.lineSet, "documentId", doc.get("id").stringValue(), "sequence");
    }

    private static void requireDraft(ObjectNode doc, Kind kind) {
        if (!"Draft".equals(Json.text(doc, "status"))) {
            throw BcError.dialog("The " + kind.lowerLabel + " has been posted and can no longer be changed.");
        }
    }

    // ---------------------------------------------------------------- post (dynamics_purchaseinvoice_post)

    private void post(ApiRequest r, CompanyData c, Kind kind, ObjectNode doc) {
        if (!"Draft".equals(Json.text(doc, "status"))) {
            throw BcError.dialog("The action can be applied to a draft " + kind.lowerLabel + " only.");
        }
        List<ObjectNode> lines = lines(c, kind, doc).stream()
                .filter(l -> !"Comment".equals(Json.text(l, "lineType"))).toList();
        if (lines.isEmpty()) {
            throw BcError.dialog("There is nothing to post.");
        }
        ObjectNode vendor = vendorOf(c, doc);
        if (vendor.get("blocked").stringValue().equals("All")) {
            throw BcError.dialog("You cannot post this type of document when Vendor " + vendor.get("number").stringValue()
                    + " is blocked with type All");
        }
        LocalDate postingDate = LocalDate.parse(doc.get("postingDate").stringValue());
        api.checkPostingDate(c, postingDate);
        String external = doc.get(kind.externalField).stringValue();
        if (external.isEmpty() && c.settings.extDocNoMandatory) {
            throw BcError.fieldValidation(kind.externalCaption + " must have a value in Purchase Header: Document Type="
                    + kind.label + ", No.=" + doc.get("number").stringValue() + ". It cannot be zero or empty.");
        }
        if (lines.stream().anyMatch(l -> l.get("quantity").decimalValue().signum() == 0)) {
            throw BcError.dialog("One or more document lines with a value in the No. field do not have a quantity specified.");
        }
        if (doc.get("totalAmountIncludingTax").decimalValue().signum() < 0) {
            throw BcError.dialog("The total amount for the " + kind.lowerLabel + " must be 0 or greater.");
        }
        String vendorNumber = vendor.get("number").stringValue();
        boolean duplicate = !external.isEmpty() && c.settings.checkDuplicateVendorDocumentNo && c.set(kind.set).values().stream()
                .filter(d -> d != doc && !"Draft".equals(Json.text(d, "status")))
                .anyMatch(d -> vendorNumber.equals(Json.text(d, "vendorNumber"))
                        && external.equals(Json.text(d, kind.externalField)));
        if (duplicate) {
            // BaseApp label PurchaseAlreadyExistsErr: "Purchase %1 %2 already exists for this vendor."
            throw BcError.dialog("Purchase " + kind.label + " " + external + " already exists for this vendor.");
        }
        List<ObjectNode> accounts = new ArrayList<>();
        for (ObjectNode line : lines) {
            accounts.add(api.postingAccount(c, line.get("lineObjectNumber").stringValue(), true, false));
            ApiHandler.checkDimensionsStillValid(c, line);
        }
        ObjectNode payables = c.findBy("accounts", "number", c.settings.payablesAccountNumber)
                .orElseThrow(() -> BcError.dialog("The Payables Account is missing in Vendor Posting Group."));

        String number = kind == Kind.INVOICE ? c.settings.nextPostedPurchaseInvoiceNo : c.settings.nextPostedPurchaseCreditMemoNo;
        if (kind == Kind.INVOICE) {
            c.settings.nextPostedPurchaseInvoiceNo = CompanyData.increment(number);
        } else {
            c.settings.nextPostedPurchaseCreditMemoNo = CompanyData.increment(number);
        }
        int sign = kind == Kind.INVOICE ? 1 : -1;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = lines.get(i);
            BigDecimal amount = line.get("amountExcludingTax").decimalValue();
            total = total.add(amount);
            api.glEntry(r, c, accounts.get(i), postingDate, number, kind.label, line.get("description").stringValue(),
                    amount.multiply(BigDecimal.valueOf(sign)), external, ApiHandler.dimensions(line));
        }
        api.glEntry(r, c, payables, postingDate, number, kind.label, vendor.get("displayName").stringValue(),
                total.multiply(BigDecimal.valueOf(-sign)), external, List.of());
        doc.put("number", number);
        doc.put("status", "Open");
        doc.put("_posted", true);
        api.touch(r, c, kind.set, doc, "updated");
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }
}
