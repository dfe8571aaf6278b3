package io.mlconnector.sandbox.bc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a data folder (layout in the module README): {@code apps.json}, then per tenant and environment
 * {@code companies.json} and per company {@code vendors.json}, {@code accounts.json}, {@code dimensions.json} (each
 * with its {@code dimensionValues}), {@code journals.json}, optional {@code purchaseInvoices.json},
 * {@code purchaseOrders.json} and {@code settings.json}. Files hold the API's own shapes (an array or
 * {@code {"value":[…]}}, as saved from the real API: {@code @odata.*} annotations are dropped and a new ETag made,
 * enum values may be captions or encoded member names, {@code timestamp} is 64-bit); unset fields get BC's blanks.
 */
final class DataLoader {

    record App(String tenantId, String clientId, String clientSecret) {
    }

    private final SandboxState state;
    private final Instant now;

    DataLoader(SandboxState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    void load(Path root) {
        for (JsonNode app : array(root.resolve("apps.json"))) {
            state.apps.add(new App(Json.text(app, "tenantId"), Json.text(app, "clientId"), Json.text(app, "clientSecret")));
        }
        for (Path tenantDir : children(root)) {
            for (Path envDir : children(tenantDir)) {
                if (Files.exists(envDir.resolve("companies.json"))) {
                    loadEnvironment(name(tenantDir), name(envDir), envDir);
                }
            }
        }
    }

    private void loadEnvironment(String tenant, String environment, Path dir) {
        EnvironmentData env = state.environment(tenant, environment, true);
        for (JsonNode companyJson : array(dir.resolve("companies.json"))) {
            ObjectNode company = entity("companies", companyJson);
            UUID id = UUID.fromString(Json.text(company, "id"));
            Path companyDir = dir.resolve("companies").resolve(id.toString());
            CompanyData data = new CompanyData(id, company, settings(companyDir.resolve("settings.json")));
            env.companies.put(id, data);
            loadSet(data, companyDir, "vendors");
            loadSet(data, companyDir, "accounts");
            loadSet(data, companyDir, "journals");
            loadSet(data, companyDir, "purchaseOrders");
            for (JsonNode dimension : array(companyDir.resolve("dimensions.json"))) {
                ObjectNode dim = entity("dimensions", ((ObjectNode) dimension.deepCopy()).without("dimensionValues"));
                data.set("dimensions").put(idOf(dim), dim);
                for (JsonNode value : iterable(dimension.get("dimensionValues"))) {
                    ObjectNode v = entity("dimensionValues", value);
                    v.put("dimensionId", dim.get("id").stringValue());
                    data.set("dimensionValues").put(idOf(v), v);
                }
            }
            for (JsonNode invoice : array(companyDir.resolve("purchaseInvoices.json"))) {
                ObjectNode doc = entity("purchaseInvoices", ((ObjectNode) invoice.deepCopy()).without("purchaseInvoiceLines"));
                data.set("purchaseInvoices").put(idOf(doc), doc);
                int sequence = 10000;
                for (JsonNode line : iterable(invoice.get("purchaseInvoiceLines"))) {
                    ObjectNode l = entity("purchaseInvoiceLines", line);
                    l.put("documentId", doc.get("id").stringValue());
                    if (l.get("sequence").intValue() == 0) {
                        l.put("sequence", sequence);
                    }
                    sequence += 10000;
                    data.set("purchaseInvoiceLines").put(idOf(l), l);
                }
            }
        }
    }

    private void loadSet(CompanyData data, Path dir, String set) {
        for (JsonNode json : array(dir.resolve(set + ".json"))) {
            ObjectNode node = entity(set, json);
            data.set(set).put(idOf(node), node);
        }
    }

    /** An entity from a file: BC's blanks, then every given field (read-only ones included), then an ETag. */
    private ObjectNode entity(String set, JsonNode json) {
        EntityType type = EntityTypes.of(set);
        ObjectNode node = type.blank();
        node.put(type.props.containsKey("id") ? "id" : "subscriptionId", UUID.randomUUID().toString());
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (field.getKey().startsWith("@odata.")) {
                continue; // a saved response's @odata.etag / @odata.context: the sandbox makes its own
            }
            EntityType.Prop prop = type.prop(field.getKey());
            if (prop == null) {
                throw new IllegalArgumentException("unknown property " + field.getKey() + " in " + set + " data");
            }
            type.setValue(node, prop, field.getValue());
        }
        if (type.props.containsKey("lastModifiedDateTime") && !json.has("lastModifiedDateTime")) {
            node.put("lastModifiedDateTime", now.toString());
        }
        Etags.touch(node);
        return node;
    }

    private static UUID idOf(ObjectNode node) {
        return UUID.fromString(node.get("id").stringValue());
    }

    private static CompanyData.Settings settings(Path file) {
        CompanyData.Settings settings = new CompanyData.Settings();
        if (!Files.exists(file)) {
            return settings;
        }
        JsonNode json = read(file);
        String from = Json.text(json, "allowPostingFrom");
        String to = Json.text(json, "allowPostingTo");
        settings.allowPostingFrom = from == null || from.isBlank() ? null : LocalDate.parse(from);
        settings.allowPostingTo = to == null || to.isBlank() ? null : LocalDate.parse(to);
        JsonNode series = json.path("numberSeries");
        settings.nextPurchaseInvoiceNo = series.path("purchaseInvoice").asString(settings.nextPurchaseInvoiceNo);
        settings.nextPostedPurchaseInvoiceNo = series.path("postedPurchaseInvoice").asString(settings.nextPostedPurchaseInvoiceNo);
        settings.nextPurchaseCreditMemoNo = series.path("purchaseCreditMemo").asString(settings.nextPurchaseCreditMemoNo);
        settings.nextPostedPurchaseCreditMemoNo = series.path("postedPurchaseCreditMemo")
                .asString(settings.nextPostedPurchaseCreditMemoNo);
        settings.payablesAccountNumber = json.path("payablesAccountNumber").asString(settings.payablesAccountNumber);
        if (json.has("checkDuplicateVendorDocumentNo")) {
            settings.checkDuplicateVendorDocumentNo = json.get("checkDuplicateVendorDocumentNo").booleanValue();
        }
        if (json.has("extDocNoMandatory")) {
            settings.extDocNoMandatory = json.get("extDocNoMandatory").booleanValue();
        }
        return settings;
    }

    private static List<JsonNode> array(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode json = read(file);
        return iterable(json.isArray() ? json : json.get("value"));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    private static JsonNode read(Path file) {
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }
}
