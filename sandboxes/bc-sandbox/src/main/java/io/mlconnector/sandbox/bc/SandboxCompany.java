package io.mlconnector.sandbox.bc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test access to one sandbox company: look at what the connector posted, and change master data "in BC"
 * (which notifies webhook subscribers like a user's change would). Values are copies in the API's JSON shape;
 * G/L entries additionally carry {@code externalDocumentNumber} and {@code dimensionSetLines}.
 */
public final class SandboxCompany {

    private final BcSandbox sandbox;
    private final EnvironmentData env;
    private final UUID companyId;

    SandboxCompany(BcSandbox sandbox, EnvironmentData env, UUID companyId) {
        this.sandbox = sandbox;
        this.env = env;
        this.companyId = companyId;
    }

    public UUID id() {
        return companyId;
    }

    private CompanyData data() {
        return env.companies.get(companyId); // looked up each time: a rolled-back batch replaces the object
    }

    private List<JsonNode> select(String set, Predicate<ObjectNode> filter, boolean internal) {
        synchronized (sandbox.lock()) {
            List<JsonNode> out = new ArrayList<>();
            for (ObjectNode node : data().set(set).values()) {
                if (filter.test(node)) {
                    out.add(internal ? exposeInternal(node) : sandbox.api().render(data(), set, node, null, List.of()));
                }
            }
            return out;
        }
    }

    private static ObjectNode exposeInternal(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        JsonNode external = copy.remove("_externalDocumentNumber");
        JsonNode dims = copy.remove("_dims");
        copy.remove(copy.propertyNames().stream().filter(n -> n.startsWith("_")).toList());
        if (external != null) {
            copy.set("externalDocumentNumber", external);
        }
        copy.set("dimensionSetLines", dims == null ? Json.array() : dims);
        return copy;
    }

    private static String code(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** Posted (non-draft) purchase invoices with this vendorInvoiceNumber (compared as BC stores it: uppercased). */
    public List<JsonNode> postedPurchaseInvoices(String vendorInvoiceNumber) {
        return select("purchaseInvoices", n -> !"Draft".equals(Json.text(n, "status"))
                && code(vendorInvoiceNumber).equals(Json.text(n, "vendorInvoiceNumber")), false);
    }

    public List<JsonNode> postedPurchaseCreditMemos(String vendorCreditMemoNumber) {
        return select("purchaseCreditMemos", n -> !"Draft".equals(Json.text(n, "status"))
                && code(vendorCreditMemoNumber).equals(Json.text(n, "vendorCreditMemoNumber")), false);
    }

    public List<JsonNode> purchaseInvoices() {
        return select("purchaseInvoices", n -> true, false);
    }

    public long draftPurchaseInvoiceCount() {
        return select("purchaseInvoices", n -> "Draft".equals(Json.text(n, "status")), false).size();
    }

    public long draftPurchaseCreditMemoCount() {
        return select("purchaseCreditMemos", n -> "Draft".equals(Json.text(n, "status")), false).size();
    }

    public List<JsonNode> purchaseInvoiceLines(UUID invoiceId) {
        return select("purchaseInvoiceLines", n -> invoiceId.toString().equals(Json.text(n, "documentId")), true);
    }

    public List<JsonNode> purchaseCreditMemos() {
        return select("purchaseCreditMemos", n -> true, false);
    }

    public List<JsonNode> purchaseCreditMemoLines(UUID creditMemoId) {
        return select("purchaseCreditMemoLines", n -> creditMemoId.toString().equals(Json.text(n, "documentId")), true);
    }

    public List<JsonNode> generalLedgerEntries() {
        return select("generalLedgerEntries", n -> true, true);
    }

    public List<JsonNode> generalLedgerEntries(String externalDocumentNumber) {
        return select("generalLedgerEntries",
                n -> code(externalDocumentNumber).equals(Json.text(n, "_externalDocumentNumber")), true);
    }

    /** Unposted lines of the journal batch with this code (with their dimensionSetLines). */
    public List<JsonNode> journalLines(String journalCode) {
        synchronized (sandbox.lock()) {
            ObjectNode journal = data().findBy("journals", "code", code(journalCode)).orElseThrow();
            String id = journal.get("id").stringValue();
            return select("journalLines", n -> id.equals(Json.text(n, "journalId")), true);
        }
    }

    public JsonNode vendor(String number) {
        synchronized (sandbox.lock()) {
            return data().findBy("vendors", "number", code(number)).map(v -> (JsonNode) v.deepCopy()).orElse(null);
        }
    }

    /** Sets a vendor's {@code blocked} (" ", "Payment" or "All") as a BC user would; subscribers are notified. */
    public void setVendorBlocked(String number, String blocked) {
        List<Change> changes = new ArrayList<>();
        synchronized (sandbox.lock()) {
            ObjectNode vendor = data().findBy("vendors", "number", code(number)).orElseThrow();
            EntityTypes.of("vendors").setValue(vendor, EntityTypes.of("vendors").prop("blocked"), Json.MAPPER.valueToTree(blocked));
            touch(vendor, "vendors", "updated", changes);
        }
        sandbox.notifyChanges(changes);
    }

    /** Adds a vendor (API shape, id optional) as a BC user would; subscribers are notified. Returns it rendered. */
    public JsonNode addVendor(JsonNode vendor) {
        List<Change> changes = new ArrayList<>();
        ObjectNode node;
        synchronized (sandbox.lock()) {
            EntityType type = EntityTypes.of("vendors");
            node = type.blank();
            node.put("blocked", " ");
            node.put("id", UUID.randomUUID().toString());
            vendor.properties().forEach(e -> type.setValue(node, type.prop(e.getKey()), e.getValue()));
            data().set("vendors").put(UUID.fromString(node.get("id").stringValue()), node);
            touch(node, "vendors", "created", changes);
        }
        sandbox.notifyChanges(changes);
        return node.deepCopy();
    }

    /** Deletes a vendor as a BC user would (DELETE vendors({id})); subscribers are notified. False when none has it. */
    public boolean deleteVendor(String number) {
        List<Change> changes = new ArrayList<>();
        synchronized (sandbox.lock()) {
            java.util.Optional<ObjectNode> vendor = data().findBy("vendors", "number", code(number));
            if (vendor.isEmpty()) {
                return false;
            }
            data().set("vendors").remove(UUID.fromString(vendor.get().get("id").stringValue()));
            touch(vendor.get(), "vendors", "deleted", changes);
        }
        sandbox.notifyChanges(changes);
        return true;
    }

    /** Blocks or unblocks a G/L account (accounts are read-only through the API). */
    public void setAccountBlocked(String number, boolean blocked) {
        List<Change> changes = new ArrayList<>();
        synchronized (sandbox.lock()) {
            ObjectNode account = data().findBy("accounts", "number", code(number)).orElseThrow();
            account.put("blocked", blocked);
            touch(account, "accounts", "updated", changes);
        }
        sandbox.notifyChanges(changes);
    }

    /** BC's duplicate vendor document number check at posting (on by default, as in standard BC). */
    public void setCheckDuplicateVendorDocumentNo(boolean check) {
        synchronized (sandbox.lock()) {
            data().settings.checkDuplicateVendorDocumentNo = check;
        }
    }

    public void setAllowedPostingPeriod(LocalDate from, LocalDate to) {
        synchronized (sandbox.lock()) {
            data().settings.allowPostingFrom = from;
            data().settings.allowPostingTo = to;
        }
    }

    private void touch(ObjectNode node, String set, String changeType, List<Change> changes) {
        Etags.touch(node);
        java.time.Instant now = sandbox.options().clock().instant();
        node.put("lastModifiedDateTime", now.toString());
        changes.add(new Change(env.tenantId, env.name, companyId, set, UUID.fromString(node.get("id").stringValue()),
                changeType, now));
    }
}
