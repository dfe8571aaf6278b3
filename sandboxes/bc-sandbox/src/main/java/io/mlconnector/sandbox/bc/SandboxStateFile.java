package io.mlconnector.sandbox.bc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the sandbox's companies (every entity set, number series, posting period) and webhook subscriptions in
 * one JSON file between runs, so that a local run with {@code --state-dir} finds in "BC" what it posted last time,
 * like a real environment would. Seed data is loaded first; a saved state then replaces the environments it holds.
 */
final class SandboxStateFile {

    private SandboxStateFile() {
    }

    /** Writes the state (the caller holds its monitor) to the file, atomically: a reader sees the old or the new. */
    static void save(SandboxState state, Path file) {
        write(snapshot(state), file);
    }

    /** The state as JSON text; the caller holds the state's monitor. */
    static String snapshot(SandboxState state) {
        ObjectNode root = Json.object();
        ArrayNode environments = root.putArray("environments");
        for (EnvironmentData env : state.environments.values()) {
            ObjectNode e = environments.addObject();
            e.put("tenantId", env.tenantId);
            e.put("name", env.name);
            ArrayNode companies = e.putArray("companies");
            env.companies.values().forEach(c -> companies.add(company(c)));
            ArrayNode subscriptions = e.putArray("subscriptions");
            env.subscriptions.values().forEach(s -> subscriptions.add(s.deepCopy()));
        }
        return Json.MAPPER.writeValueAsString(root);
    }

    /** Temp file in the same folder, then an atomic rename: a crash mid-write leaves the previous state intact. */
    static void write(String json, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "bc-sandbox", ".tmp");
            Files.writeString(tmp, json);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save BC sandbox state to " + file, e);
        }
    }

    static void restore(SandboxState state, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BC sandbox state " + file, e);
        }
        for (JsonNode e : root.path("environments")) {
            EnvironmentData env = state.environment(e.path("tenantId").asString(), e.path("name").asString(), true);
            env.companies.clear();
            for (JsonNode c : e.path("companies")) {
                CompanyData company = company(c);
                env.companies.put(company.id, company);
            }
            env.subscriptions.clear();
            for (JsonNode s : e.path("subscriptions")) {
                env.subscriptions.put(s.path("subscriptionId").asString(), (ObjectNode) s.deepCopy());
            }
        }
    }

    private static ObjectNode company(CompanyData c) {
        ObjectNode node = Json.object();
        node.put("id", c.id.toString());
        node.set("company", c.company.deepCopy());
        node.put("glEntryNumber", c.glEntryNumber);
        ObjectNode settings = node.putObject("settings");
        settings.put("allowPostingFrom", String.valueOf(c.settings.allowPostingFrom));
        settings.put("allowPostingTo", String.valueOf(c.settings.allowPostingTo));
        settings.put("nextPurchaseInvoiceNo", c.settings.nextPurchaseInvoiceNo);
        settings.put("nextPostedPurchaseInvoiceNo", c.settings.nextPostedPurchaseInvoiceNo);
        settings.put("nextPurchaseCreditMemoNo", c.settings.nextPurchaseCreditMemoNo);
        settings.put("nextPostedPurchaseCreditMemoNo", c.settings.nextPostedPurchaseCreditMemoNo);
        settings.put("payablesAccountNumber", c.settings.payablesAccountNumber);
        settings.put("extDocNoMandatory", c.settings.extDocNoMandatory);
        settings.put("checkDuplicateVendorDocumentNo", c.settings.checkDuplicateVendorDocumentNo);
        ObjectNode sets = node.putObject("sets");
        c.sets.forEach((name, entities) -> {
            ArrayNode list = sets.putArray(name);
            entities.values().forEach(entity -> list.add(entity.deepCopy()));
        });
        return node;
    }

    private static CompanyData company(JsonNode node) {
        JsonNode s = node.path("settings");
        CompanyData.Settings settings = new CompanyData.Settings();
        settings.allowPostingFrom = date(s.path("allowPostingFrom").asString());
        settings.allowPostingTo = date(s.path("allowPostingTo").asString());
        settings.nextPurchaseInvoiceNo = s.path("nextPurchaseInvoiceNo").asString();
        settings.nextPostedPurchaseInvoiceNo = s.path("nextPostedPurchaseInvoiceNo").asString();
        settings.nextPurchaseCreditMemoNo = s.path("nextPurchaseCreditMemoNo").asString();
        settings.nextPostedPurchaseCreditMemoNo = s.path("nextPostedPurchaseCreditMemoNo").asString();
        settings.payablesAccountNumber = s.path("payablesAccountNumber").asString();
        settings.extDocNoMandatory = s.path("extDocNoMandatory").asBoolean(true);
        settings.checkDuplicateVendorDocumentNo = s.path("checkDuplicateVendorDocumentNo").asBoolean(true);
        CompanyData c = new CompanyData(UUID.fromString(node.path("id").asString()),
                (ObjectNode) node.path("company").deepCopy(), settings);
        c.glEntryNumber = node.path("glEntryNumber").asInt();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("sets").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> set = it.next();
            LinkedHashMap<UUID, ObjectNode> target = c.sets.computeIfAbsent(set.getKey(), k -> new LinkedHashMap<>());
            for (JsonNode entity : set.getValue()) {
                target.put(UUID.fromString(entity.path("id").asString()), (ObjectNode) entity.deepCopy());
            }
        }
        return c;
    }

    private static LocalDate date(String text) {
        return text == null || text.isEmpty() || "null".equals(text) ? null : LocalDate.parse(text);
    }
}
