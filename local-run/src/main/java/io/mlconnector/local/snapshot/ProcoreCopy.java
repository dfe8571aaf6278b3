package io.mlconnector.local.snapshot;

import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.CommitmentType;
import io.mlconnector.tenant.Tenant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Copies the tenant's Procore company into the Procore sandbox's data layout: the company, its projects (active and
 * inactive), vendors (active and inactive), cost types, and for every project the tenant syncs its cost codes and
 * every cost document type the connector reads, each in the shape the sandbox serves it from (show shapes with their
 * lines). Deleted contracts are kept with their {@code deleted_at}; no credentials are written (the local run gives
 * the sandbox the tenant's own).
 */
final class ProcoreCopy {

    /** What was copied: records per file name, summed over projects. */
    record Result(String companyName, Map<String, Long> records) {
    }

    private final ProcoreClient client;
    private final Tenant tenant;
    private final SnapshotFolder folder;
    private final Progress progress;
    private final Map<String, Long> records = new LinkedHashMap<>();

    ProcoreCopy(ProcoreClient client, Tenant tenant, SnapshotFolder folder, Progress progress) {
        this.client = client;
        this.tenant = tenant;
        this.folder = folder;
        this.progress = progress;
    }

    /** The tenant's company as the companies list shows it; refused in one line when the app is not installed there. */
    static JsonNode company(ProcoreClient client, Tenant tenant) {
        List<JsonNode> companies = client.companiesAsReturned().collectList().block();
        long id = tenant.procore().companyId();
        return companies.stream().filter(c -> c.path("id").asLong() == id).findFirst()
                .orElseThrow(() -> new SnapshotFailure("the Procore app " + tenant.procore().clientId()
                        + " is not installed in company " + id + " (procore.companyId); it is installed in "
                        + companies.stream().map(c -> c.path("name").asString("?") + " (" + c.path("id").asLong() + ")")
                        .toList() + ": ask the company's Procore administrator to install it, or correct the tenant file"));
    }

    Result copy(JsonNode company) {
        long cid = tenant.procore().companyId();
        Path root = folder.procore();
        Path companyDir = root.resolve("companies").resolve(Long.toString(cid));
        progress.line("Procore company " + cid + " '" + company.path("name").asString("") + "'");
        folder.writeArray(root.resolve("companies.json"), List.of(company));

        List<JsonNode> projects = all("projects", client.projectsAsReturned());
        folder.writeArray(companyDir.resolve("projects.json"), projects);
        folder.writeArray(companyDir.resolve("vendors.json"), all("vendors (active and inactive)",
                client.vendorsAsReturned()));
        folder.writeArray(companyDir.resolve("line_item_types.json"), all("cost types (line item types)",
                client.lineItemTypesAsReturned()));
        records.put("projects.json", (long) projects.size());

        List<JsonNode> synced = projects.stream()
                .filter(p -> tenant.procore().includesProject(p.path("id").asLong())).toList();
        if (synced.size() < projects.size()) {
            progress.line("  " + (projects.size() - synced.size()) + " projects are not in the tenant's"
                    + " procore.projectIds: their documents are not copied");
        }
        for (JsonNode project : synced) {
            copyProject(project, companyDir.resolve("projects").resolve(Long.toString(project.path("id").asLong())));
        }
        return new Result(company.path("name").asString(""), records);
    }

    private void copyProject(JsonNode project, Path dir) {
        long pid = project.path("id").asLong();
        String name = project.path("project_number").asString("") + " " + project.path("name").asString("");
        progress.line("project " + name.trim() + " (" + pid + (project.path("active").asBoolean(true) ? "" : ", inactive")
                + ")");
        write(dir, "cost_codes", "cost codes", client.costCodesAsReturned(pid));
        write(dir, CommitmentType.WORK_ORDER.resource(), "subcontracts (work order contracts)",
                client.commitmentsAsReturned(CommitmentType.WORK_ORDER, pid));
        write(dir, CommitmentType.PURCHASE_ORDER.resource(), "purchase order contracts",
                client.commitmentsAsReturned(CommitmentType.PURCHASE_ORDER, pid));
        write(dir, "requisitions", "requisitions (with items)", client.requisitionsAsReturned(pid));
        write(dir, "direct_costs", "direct costs (with lines)", client.directCostsAsReturned(pid));
        write(dir, ChangeOrderKind.COMMITMENT.resource(), "commitment change orders (with lines)",
                client.changeOrdersAsReturned(ChangeOrderKind.COMMITMENT, pid));
        write(dir, ChangeOrderKind.PRIME.resource(), "prime contract change orders (with lines)",
                client.changeOrdersAsReturned(ChangeOrderKind.PRIME, pid));
    }

    private void write(Path dir, String file, String what, Flux<JsonNode> reads) {
        List<JsonNode> read = all(what, reads);
        folder.writeArray(dir.resolve(file + ".json"), read);
        records.merge(file + ".json", (long) read.size(), Long::sum);
    }

    private List<JsonNode> all(String what, Flux<JsonNode> reads) {
        AtomicLong seen = new AtomicLong();
        List<JsonNode> read = reads.doOnNext(n -> progress.tick(what, seen.incrementAndGet())).collectList().block();
        progress.read(what, read.size());
        return read;
    }
}
