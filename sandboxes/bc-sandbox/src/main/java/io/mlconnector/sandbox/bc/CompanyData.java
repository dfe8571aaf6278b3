package io.mlconnector.sandbox.bc;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything one BC company holds, as API-shaped JSON entities keyed by id, per entity set. Fields whose name starts
 * with {@code _} are the sandbox's own bookkeeping (dimension set entries, source references) and are never rendered.
 */
final class CompanyData {

    final UUID id;
    ObjectNode company;
    final Map<String, LinkedHashMap<UUID, ObjectNode>> sets = new LinkedHashMap<>();
    Settings settings;
    int glEntryNumber;

    /** Per-company settings: the allowed posting period and the number series (settings.json). */
    static final class Settings {
        LocalDate allowPostingFrom;
        LocalDate allowPostingTo;
        String nextPurchaseInvoiceNo = "PI-1001";
        String nextPostedPurchaseInvoiceNo = "PPI-108001";
        String nextPurchaseCreditMemoNo = "PCM-1001";
        String nextPostedPurchaseCreditMemoNo = "PPCM-109001";
        String payablesAccountNumber = "2110";
        boolean extDocNoMandatory = true;
        /**
         * BC refuses to post a purchase invoice (credit memo) whose Vendor Invoice No. (Vendor Cr. Memo No.) the vendor
         * already has on a posted one: "Purchase Invoice X already exists for this vendor." Standard BC does this;
         * settings.json {@code "checkDuplicateVendorDocumentNo": false} models a company where it does not.
         */
        boolean checkDuplicateVendorDocumentNo = true;

        Settings copy() {
            Settings s = new Settings();
            s.allowPostingFrom = allowPostingFrom;
            s.allowPostingTo = allowPostingTo;
            s.nextPurchaseInvoiceNo = nextPurchaseInvoiceNo;
            s.nextPostedPurchaseInvoiceNo = nextPostedPurchaseInvoiceNo;
            s.nextPurchaseCreditMemoNo = nextPurchaseCreditMemoNo;
            s.nextPostedPurchaseCreditMemoNo = nextPostedPurchaseCreditMemoNo;
            s.payablesAccountNumber = payablesAccountNumber;
            s.extDocNoMandatory = extDocNoMandatory;
            s.checkDuplicateVendorDocumentNo = checkDuplicateVendorDocumentNo;
            return s;
        }
    }

    CompanyData(UUID id, ObjectNode company, Settings settings) {
        this.id = id;
        this.company = company;
        this.settings = settings;
        for (String set : EntityTypes.BY_SET.keySet()) {
            if (!set.equals("companies") && !set.equals("subscriptions") && !set.equals("dimensionSetLines")) {
                sets.put(set, new LinkedHashMap<>());
            }
        }
    }

    LinkedHashMap<UUID, ObjectNode> set(String name) {
        return sets.get(name);
    }

    Optional<ObjectNode> findBy(String set, String field, String value) {
        return set(set).values().stream().filter(n -> value != null && value.equals(Json.text(n, field))).findFirst();
    }

    CompanyData copy() {
        CompanyData c = new CompanyData(id, company.deepCopy(), settings.copy());
        c.glEntryNumber = glEntryNumber;
        sets.forEach((name, entities) -> {
            LinkedHashMap<UUID, ObjectNode> target = c.sets.get(name);
            entities.forEach((k, v) -> target.put(k, v.deepCopy()));
        });
        return c;
    }

    /** Takes the next number from a series like {@code PPI-108001}: the trailing digits count up, width kept. */
    static String increment(String number) {
        int end = number.length();
        int start = end;
        while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
            start--;
        }
        String digits = number.substring(start, end);
        String next = String.valueOf(Long.parseLong(digits.isEmpty() ? "0" : digits) + 1);
        while (next.length() < digits.length()) {
            next = "0" + next;
        }
        return number.substring(0, start) + next;
    }
}
