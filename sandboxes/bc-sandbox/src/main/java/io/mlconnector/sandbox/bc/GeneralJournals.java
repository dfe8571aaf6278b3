package io.mlconnector.sandbox.bc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * journals (general journal batches) and their journalLines (dynamics_journal). {@code journals({id})/Microsoft.NAV.post}
 * posts every line of the batch to G/L entries, all or nothing, and empties the batch.
 */
final class GeneralJournals {

    private final ApiHandler api;

    GeneralJournals(ApiHandler api) {
        this.api = api;
    }

    Reply route(ApiRequest r, CompanyData c, List<ApiRequest.Segment> segs) {
        if (segs.get(0).key() == null) {
            ApiHandler.requireMethod(r, "journals", "GET");
            if (segs.size() > 1) {
                throw ApiHandler.resourceNotFound(r);
            }
            return api.list(r, c, "journals", c.set("journals").values());
        }
        ObjectNode journal = api.entity(c, "journals", segs.get(0));
        if (segs.size() == 1) {
            ApiHandler.requireMethod(r, "journals", "GET");
            return api.one(r, c, "journals", journal);
        }
        String next = segs.get(1).name();
        if (next.equals("Microsoft.NAV.post") && segs.size() == 2) {
            ApiHandler.requireMethod(r, "journals", "POST");
            post(r, c, journal);
            return Reply.noContent();
        }
        if (next.equals("journalLines")) {
            return lines(r, c, journal, segs.subList(1, segs.size()));
        }
        throw ApiHandler.resourceNotFound(r);
    }

    Reply topLevelLines(ApiRequest r, CompanyData c, List<ApiRequest.Segment> segs) {
        if (segs.get(0).key() == null) {
            throw new BcError(400, "BadRequest", "You must specify a journal batch ID or a journal ID to get a journal line.");
        }
        ObjectNode line = api.entity(c, "journalLines", segs.get(0));
        ObjectNode journal = c.set("journals").get(UUID.fromString(line.get("journalId").stringValue()));
        return lines(r, c, journal, segs);
    }

    private Reply lines(ApiRequest r, CompanyData c, ObjectNode journal, List<ApiRequest.Segment> segs) {
        String journalId = journal.get("id").stringValue();
        if (segs.get(0).key() == null) {
            ApiHandler.requireMethod(r, "journalLines", "GET", "POST");
            if (segs.size() > 1) {
                throw ApiHandler.resourceNotFound(r);
            }
            if (r.method.equals("GET")) {
                return api.list(r, c, "journalLines", ApiHandler.children(c, "journalLines", "journalId", journalId, "lineNumber"));
            }
            ObjectNode line = insert(r, c, journal, ApiHandler.requireBody(r));
            ODataQuery q = ODataQuery.parse(Map.of("$expand", r.query.getOrDefault("$expand", "")), EntityTypes.of("journalLines"));
            return Reply.json(201, api.render(c, "journalLines", line, null, q.expand));
        }
        ObjectNode line = api.entity(c, "journalLines", segs.get(0));
        if (!journalId.equals(line.get("journalId").stringValue())) {
            throw ApiHandler.notFound("journalLines", segs.get(0).guid());
        }
        if (segs.size() > 1) {
            return api.dimensionSetLines(r, c, line, "journalLines", segs.subList(1, segs.size()), true);
        }
        ApiHandler.requireMethod(r, "journalLines", "GET", "PATCH", "DELETE");
        switch (r.method) {
            case "GET" -> {
                return api.one(r, c, "journalLines", line);
            }
            case "PATCH" -> {
                ApiHandler.checkIfMatch(r, line);
                JsonNode body = ApiHandler.requireBody(r);
                if (body.has("journalId")) {
                    throw new BcError(400, "BadRequest_InvalidOperation", "The journalId cannot be changed.");
                }
                EntityTypes.of("journalLines").apply(line, body, false, List.of());
                validateAccounts(c, line);
                Etags.touch(line);
                line.put("lastModifiedDateTime", api.now().toString());
                return Reply.json(200, api.render(c, "journalLines", line, null, List.of()));
            }
            default -> {
                ApiHandler.checkIfMatch(r, line);
                c.set("journalLines").remove(UUID.fromString(line.get("id").stringValue()));
                return Reply.noContent();
            }
        }
    }

    private ObjectNode insert(ApiRequest r, CompanyData c, ObjectNode journal, JsonNode body) {
        EntityType type = EntityTypes.of("journalLines");
        ObjectNode line = type.blank();
        type.apply(line, body, true, List.of("dimensionSetLines"));
        String journalId = journal.get("id").stringValue();
        line.put("id", UUID.randomUUID().toString());
        line.put("journalId", journalId);
        line.put("journalDisplayName", journal.get("code").stringValue());
        if (line.get("lineNumber").intValue() == 0) {
            int max = ApiHandler.children(c, "journalLines", "journalId", journalId, "lineNumber").stream()
                    .mapToInt(l -> l.get("lineNumber").intValue()).max().orElse(0);
            line.put("lineNumber", max + 10000);
        }
        if (line.get("postingDate").stringValue().equals("0001-01-01")) {
            line.put("postingDate", api.today().toString());
        }
        ObjectNode account = validateAccounts(c, line);
        if (account != null && line.get("description").stringValue().isEmpty()) {
            line.put("description", account.get("displayName").stringValue());
        }
        line.put("lastModifiedDateTime", api.now().toString());
        Etags.touch(line);
        c.set("journalLines").put(UUID.fromString(line.get("id").stringValue()), line);
        JsonNode nested = body.get("dimensionSetLines");
        if (nested != null && !nested.isEmpty()) {
            if (!api.options.acceptNestedDimensionSetLines()) {
                // Deep insert of dimensionSetLines is UNCONFIRMED on the real API (docs/api-facts.md).
                throw new BcError(400, "BadRequest", "Deep insert is not supported for the navigation property"
                        + " 'dimensionSetLines' of 'Microsoft.NAV.journalLine'.");
            }
            for (JsonNode d : nested) {
                api.addDimension(c, line, "journalLines", d);
            }
        }
        return line;
    }

    /** Account No. validation on the journal line: must exist, be Posting type and not blocked. */
    private ObjectNode validateAccounts(CompanyData c, ObjectNode line) {
        if (!"G/L Account".equals(Json.text(line, "accountType")) || !"G/L Account".equals(Json.text(line, "balanceAccountType"))) {
            throw BcError.badRequest("The sandbox supports accountType and balanceAccountType 'G/L Account' only.");
        }
        ObjectNode account = null;
        if (!line.get("accountNumber").stringValue().isEmpty()) {
            account = api.postingAccount(c, line.get("accountNumber").stringValue(), false, true);
            line.put("accountId", account.get("id").stringValue());
        }
        if (!line.get("balancingAccountNumber").stringValue().isEmpty()) {
            ObjectNode balancing = api.postingAccount(c, line.get("balancingAccountNumber").stringValue(), false, true);
            line.put("balancingAccountId", balancing.get("id").stringValue());
        }
        return account;
    }

    private void post(ApiRequest r, CompanyData c, ObjectNode journal) {
        List<ObjectNode> lines = ApiHandler.children(c, "journalLines", "journalId", journal.get("id").stringValue(), "lineNumber");
        if (lines.isEmpty()) {
            throw BcError.dialog("There is nothing to post.");
        }
        Map<String, BigDecimal> balance = new LinkedHashMap<>();
        for (ObjectNode line : lines) {
            String where = "Gen. Journal Line: Journal Template Name=" + journal.get("templateDisplayName").stringValue()
                    + ", Journal Batch Name=" + journal.get("code").stringValue() + ", Line No.=" + line.get("lineNumber").intValue();
            if (line.get("documentNumber").stringValue().isEmpty()) {
                throw BcError.fieldValidation("Document No. must have a value in " + where + ". It cannot be zero or empty.");
            }
            if (line.get("accountNumber").stringValue().isEmpty()) {
                throw BcError.fieldValidation("Account No. must have a value in " + where + ". It cannot be zero or empty.");
            }
            api.checkPostingDate(c, LocalDate.parse(line.get("postingDate").stringValue()));
            api.postingAccount(c, line.get("accountNumber").stringValue(), true, true);
            if (!line.get("balancingAccountNumber").stringValue().isEmpty()) {
                api.postingAccount(c, line.get("balancingAccountNumber").stringValue(), true, true);
            } else {
                balance.merge(line.get("documentNumber").stringValue() + "|" + line.get("postingDate").stringValue(),
                        line.get("amount").decimalValue(), BigDecimal::add);
            }
            ApiHandler.checkDimensionsStillValid(c, line);
        }
        for (Map.Entry<String, BigDecimal> e : balance.entrySet()) {
            if (e.getValue().signum() != 0) {
                String documentNumber = e.getKey().substring(0, e.getKey().indexOf('|'));
                throw BcError.dialog("Document No. " + documentNumber + " is out of balance by "
                        + e.getValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                        + ". Please check that Posting Date, Document Type, Document No. and Amount are correct for each line.");
            }
        }
        for (ObjectNode line : lines) {
            LocalDate postingDate = LocalDate.parse(line.get("postingDate").stringValue());
            BigDecimal amount = line.get("amount").decimalValue();
            String documentNumber = line.get("documentNumber").stringValue();
            String external = line.get("externalDocumentNumber").stringValue();
            String description = line.get("description").stringValue();
            api.glEntry(r, c, api.postingAccount(c, line.get("accountNumber").stringValue(), true, true), postingDate,
                    documentNumber, " ", description, amount, external, ApiHandler.dimensions(line));
            if (!line.get("balancingAccountNumber").stringValue().isEmpty()) {
                api.glEntry(r, c, api.postingAccount(c, line.get("balancingAccountNumber").stringValue(), true, true),
                        postingDate, documentNumber, " ", description, amount.negate(), external, ApiHandler.dimensions(line));
            }
            c.set("journalLines").remove(UUID.fromString(line.get("id").stringValue()));
        }
        api.touch(r, c, "journals", journal, "updated");
    }
}
