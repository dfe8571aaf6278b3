package io.mlconnector.local.snapshot;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcEnums;
import io.mlconnector.tenant.Tenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies the tenant's BC company into the BC sandbox's data layout: the company, its G/L accounts, dimensions with
 * their values, vendors, journal batches, purchase orders and purchase invoices (with lines: BC refuses a vendor
 * invoice number the vendor already has on a posted invoice), and a {@code settings.json} with what the API tells
 * about posting: the allowed posting period from {@code generalLedgerSetup} where BC serves it, and the payables
 * account (not in API v2.0, which has no vendor posting groups: given with {@code --payables-account} or recognised
 * as the one Liabilities posting account that does not allow direct posting, as a payables control account is set
 * up). OData annotations ({@code @odata.etag}, {@code …@odata.context}) are left out: they describe the answer, not
 * the record, and the sandbox makes its own ETags. Entity sets and fields: Business Central API v2.0 reference,
 * https://learn.microsoft.com/dynamics365/business-central/dev-itpro/api-reference/v2.0/
 */
final class BcCopy {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was copied, and what the copy could not know and how it was chosen. */
    record Result(String companyName, Map<String, Long> records, List<String> notes) {
    }

    private final BcClient client;
    private final Tenant tenant;
    private final SnapshotFolder folder;
    private final Progress progress;
    private final String payablesAccount;
    private final Map<String, Long> records = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    BcCopy(BcClient client, Tenant tenant, SnapshotFolder folder, Progress progress, String payablesAccount) {
        this.client = client;
        this.tenant = tenant;
        this.folder = folder;
        this.progress = progress;
        this.payablesAccount = payablesAccount;
    }

    /** The tenant's company as the environment lists it; refused in one line when it is not there. */
    static JsonNode company(BcClient client, Tenant tenant) {
        List<JsonNode> companies = client.companiesAsReturned().collectList().block();
        UUID id = tenant.bc().companyId();
        return companies.stream().filter(c -> id.toString().equalsIgnoreCase(c.path("id").asString(""))).findFirst()
                .orElseThrow(() -> new SnapshotFailure("Business Central company " + id + " (bc.companyId) is not in"
                        + " environment " + tenant.bc().environment() + " of Entra tenant " + tenant.bc().aadTenantId()
                        + "; it has " + companies.stream().map(c -> c.path("name").asString("?") + " ("
                        + c.path("id").asString("?") + ")").toList() + ": correct the tenant file"));
    }

    Result copy(JsonNode company) {
        Path env = folder.bc().resolve(tenant.bc().aadTenantId()).resolve(tenant.bc().environment());
        Path dir = env.resolve("companies").resolve(tenant.bc().companyId().toString());
        progress.line("Business Central company '" + company.path("name").asString("") + "' (" + tenant.bc().companyId()
                + ") in environment " + tenant.bc().environment());
        folder.writeArray(env.resolve("companies.json"), List.of(clean(company)));

        List<JsonNode> accounts = write(dir, "accounts", "G/L accounts", client.entitiesAsReturned("accounts", null));
        List<JsonNode> dimensions = write(dir, "dimensions", "dimensions",
                client.entitiesAsReturned("dimensions", "$expand=dimensionValues"));
        progress.read("dimension values", dimensions.stream().mapToLong(d -> d.path("dimensionValues").size()).sum());
        write(dir, "vendors", "vendors", client.entitiesAsReturned("vendors", null));
        write(dir, "journals", "journal batches", client.entitiesAsReturned("journals", null));
        write(dir, "purchaseOrders", "purchase orders", client.entitiesAsReturned("purchaseOrders", null));
        write(dir, "purchaseInvoices", "purchase invoices (with lines)",
                client.entitiesAsReturned("purchaseInvoices", "$expand=purchaseInvoiceLines"));
        folder.write(dir.resolve("settings.json"), settings(accounts));
        return new Result(company.path("name").asString(""), records, notes);
    }

    private ObjectNode settings(List<JsonNode> accounts) {
        ObjectNode settings = JSON.createObjectNode();
        postingPeriod(settings);
        String payables = payablesAccount != null ? payablesAccount : recognisedPayablesAccount(accounts);
        if (payables != null) {
            settings.put("payablesAccountNumber", payables);
        }
        return settings;
    }

    /** generalLedgerSetup (API v2.0): the allowed posting period; a BC that does not serve it leaves the copy open. */
    private void postingPeriod(ObjectNode settings) {
        List<JsonNode> setup;
        try {
            setup = client.entitiesAsReturned("generalLedgerSetup", null).collectList().block();
        } catch (BcApiException e) {
            if (e.status() != 404 && e.status() != 400) {
                throw e;
            }
            note("this Business Central does not serve generalLedgerSetup (HTTP " + e.status() + "): the copy"
                    + " allows every posting date; check the allowed posting period in BC yourself");
            return;
        }
        JsonNode first = setup.isEmpty() ? JSON.createObjectNode() : setup.get(0);
        String from = first.path("allowPostingFrom").asString("");
        String to = first.path("allowPostingTo").asString("");
        if (!blankDate(from)) {
            settings.put("allowPostingFrom", from);
        }
        if (!blankDate(to)) {
            settings.put("allowPostingTo", to);
        }
        progress.line("  allowed posting period                     " + (blankDate(from) ? "any" : from) + " .. "
                + (blankDate(to) ? "any" : to) + " (general ledger setup; users' own limits are not copied)");
    }

    private String recognisedPayablesAccount(List<JsonNode> accounts) {
        List<String> candidates = accounts.stream()
                .filter(a -> "Liabilities".equals(BcEnums.decode(a.path("category").asString(""))))
                .filter(a -> "Posting".equals(BcEnums.decode(a.path("accountType").asString(""))))
                .filter(a -> !a.path("directPosting").asBoolean(true) && !a.path("blocked").asBoolean(false))
                .map(a -> a.path("number").asString("")).toList();
        if (candidates.size() == 1) {
            progress.line("  payables account                           " + candidates.get(0) + " (the one Liabilities account"
                    + " without direct posting; --payables-account NUMBER chooses another)");
            return candidates.get(0);
        }
        note("could not tell the payables account (" + (candidates.isEmpty() ? "no" : candidates.size())
                + " Liabilities posting accounts without direct posting" + (candidates.isEmpty() ? "" : ": " + candidates)
                + "): posted invoices in the copy may be refused; run the snapshot again with --payables-account NUMBER"
                + " (the Payables Account of the vendors' posting group)");
        return null;
    }

    private static boolean blankDate(String date) {
        return date.isBlank() || date.startsWith("0001-01-01");
    }

    private void note(String text) {
        notes.add(text);
        progress.line("  note: " + text);
    }

    private List<JsonNode> write(Path dir, String set, String what, Flux<JsonNode> reads) {
        AtomicLong seen = new AtomicLong();
        List<JsonNode> read = reads.doOnNext(n -> progress.tick(what, seen.incrementAndGet()))
                .map(BcCopy::clean).collectList().block();
        progress.read(what, read.size());
        folder.writeArray(dir.resolve(set + ".json"), read);
        records.put(set + ".json", (long) read.size());
        return read;
    }

    /** The record without OData annotations, at every level. */
    static JsonNode clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(e -> {
                if (!e.getKey().contains("@odata.")) {
                    copy.set(e.getKey(), clean(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(clean(n)));
            return copy;
        }
        return node;
    }
}
