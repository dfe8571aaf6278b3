package io.mlconnector.ingest.sync;

import io.mlconnector.ingest.convert.ProjectContext;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.Commitment;
import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.procore.model.CommitmentType;
import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * One pass over one project: the client, the company's vendors, and the look-ups converters need, each
 * fetched at most once per pass and only when a changed record needs it — so an idle pass costs only
 * the list requests themselves.
 */
public final class ProjectRead {

    private final String tenantId;
    private final ProcoreClient client;
    private final ProcoreProject project;
    private final Map<Long, ProcoreVendor> vendors;
    private final Instant observedAt;
    private final Mono<Map<Long, CostCode>> costCodes;
    private final Mono<Map<String, LineItemType>> costTypes;
    private final Map<String, Mono<Map<Long, CommitmentLine>>> commitmentLines = new ConcurrentHashMap<>();

    public ProjectRead(String tenantId, ProcoreClient client, ProcoreProject project,
                       Map<Long, ProcoreVendor> vendors, Instant observedAt) {
        this(tenantId, client, project, vendors, costTypes(client), observedAt);
    }

    /** @param costTypes the company's cost types by code, fetched on first use and shared by a tenant pass's projects */
    public ProjectRead(String tenantId, ProcoreClient client, ProcoreProject project, Map<Long, ProcoreVendor> vendors,
                       Mono<Map<String, LineItemType>> costTypes, Instant observedAt) {
        this.tenantId = tenantId;
        this.client = client;
        this.project = project;
        this.vendors = vendors;
        this.observedAt = observedAt;
        this.costCodes = client.costCodes(project.id())
                .collectMap(CostCode::id, Function.identity())
                .cache();
        this.costTypes = costTypes;
    }

    /** The company's cost types by code, fetched once when first needed. */
    public static Mono<Map<String, LineItemType>> costTypes(ProcoreClient client) {
        return client.lineItemTypes()
                .filter(type -> type.code() != null)
                .collectMap(type -> ProjectContext.typeKey(type.code()), Function.identity(), LinkedHashMap::new)
                .<Map<String, LineItemType>>map(Map::copyOf)
                .cache();
    }

    public String tenantId() {
        return tenantId;
    }

    public ProcoreClient client() {
        return client;
    }

    public ProcoreProject project() {
        return project;
    }

    /** The context without cost codes (enough for documents whose lines carry full cost code objects). */
    public ProjectContext context() {
        return new ProjectContext(tenantId, client.companyId(), project, vendors, Map.of(), observedAt);
    }

    /** The context with the project's cost codes (requisition items carry only a cost code id). */
    public Mono<ProjectContext> contextWithCostCodes() {
        return costCodes.map(codes -> new ProjectContext(tenantId, client.companyId(), project, vendors, codes, observedAt));
    }

    /**
     * The context with the project's cost codes and the company's cost types (change order lines name theirs
     * only by code, in {@code wbs_code}).
     */
    public Mono<ProjectContext> contextWithCostCodesAndTypes() {
        return costCodes.zipWith(costTypes, (codes, types) ->
                new ProjectContext(tenantId, client.companyId(), project, vendors, codes, types, observedAt));
    }

    /** The schedule-of-values lines of a commitment, by line id; fetched once per pass per commitment. */
    public Mono<Map<Long, CommitmentLine>> commitmentLines(CommitmentType type, long commitmentId) {
        return commitmentLines.computeIfAbsent(type + ":" + commitmentId, key -> client
                .commitment(type, project.id(), commitmentId)
                .map(ProjectRead::linesById)
                .cache());
    }

    /** A commitment this pass already read (with its lines): later look-ups of its lines cost no call. */
    public void remember(Commitment commitment) {
        commitmentLines.putIfAbsent(commitment.type() + ":" + commitment.id(), Mono.just(linesById(commitment)));
    }

    private static Map<Long, CommitmentLine> linesById(Commitment commitment) {
        return commitment.lines().stream().collect(Collectors.toMap(CommitmentLine::id, Function.identity(), (a, b) -> a));
    }
}
