package io.mlconnector.procore;

import io.mlconnector.oauth.BearerTokenFilter;
import io.mlconnector.oauth.CachingTokenProvider;
import io.mlconnector.oauth.ClientCredentialsGrant;
import io.mlconnector.oauth.TokenProvider;
import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.ChangeOrderLine;
import io.mlconnector.procore.model.Commitment;
import io.mlconnector.procore.model.CommitmentType;
import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLine;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.ProcoreCompany;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.VendorSyncResult;
import io.mlconnector.procore.model.VendorWrite;
import io.mlconnector.procore.model.WebhookHook;
import io.mlconnector.procore.model.WebhookHookSpec;
import io.mlconnector.procore.model.WebhookResource;
import io.mlconnector.procore.model.WebhookTrigger;
import io.mlconnector.procore.model.WebhookTriggersResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed, reactive access to one Procore company. Lists are {@link Flux}es that follow Link rel="next"
 * transparently with an explicit per_page; every call carries Procore-Company-Id and a bearer token from a
 * client-credentials grant (refreshed 5 minutes before expiry, and once after a 401). Rate limits are paced
 * from the X-Rate-Limit-* headers; 429s are waited out, never surfaced.
 */
public final class ProcoreClient {

    /** Procore's documented maximum rows per vendor sync call (reference sheet §3). */
    public static final int VENDOR_SYNC_BATCH = 1000;

    private final ProcoreHttp http;
    private final ProcoreConnection connection;
    private final ProcoreClientOptions options;
    private final Clock clock;

    private ProcoreClient(ProcoreHttp http, ProcoreConnection connection, ProcoreClientOptions options, Clock clock) {
        this.http = http;
        this.connection = connection;
        this.options = options;
        this.clock = clock;
    }

    public static ProcoreClient create(ProcoreConnection connection, WebClient.Builder webClient, Clock clock,
                                       ProcoreClientOptions options) {
        return create(connection, webClient, clock, options, ApiCallListener.NONE);
    }

    /** As {@link #create(ProcoreConnection, WebClient.Builder, Clock, ProcoreClientOptions)}, reporting every API exchange. */
    public static ProcoreClient create(ProcoreConnection connection, WebClient.Builder webClient, Clock clock,
                                       ProcoreClientOptions options, ApiCallListener listener) {
        return create(connection, webClient, clock, options, listener, new ProcoreResilience());
    }

    /** As above, with the limits, breaker and retries in {@code resilience} (and their metrics where it is bound). */
    public static ProcoreClient create(ProcoreConnection connection, WebClient.Builder webClient, Clock clock,
                                       ProcoreClientOptions options, ApiCallListener listener,
                                       ProcoreResilience resilience) {
        String principal = "procore:" + connection.companyId();
        URI tokenUri = URI.create(connection.loginBase().toString().replaceAll("/+$", "") + "/oauth/token");
        ClientCredentialsGrant grant = new ClientCredentialsGrant(principal, webClient.clone().build(), tokenUri,
                connection.clientId(), connection.clientSecret(), null, clock);
        TokenProvider tokens = new CachingTokenProvider(principal, grant, options.tokenRefreshMargin(), clock);
        ProcoreHttp http = new ProcoreHttp(webClient, new BearerTokenFilter(tokens), connection.apiBase(),
                connection.companyId(), clock, options, listener, resilience);
        return new ProcoreClient(http, connection, options, clock);
    }

    public long companyId() {
        return connection.companyId();
    }

    // ---------------------------------------------------------------- company level

    /** Companies where the app is installed. */
    public Flux<ProcoreCompany> companies() {
        return http.list(http.uri("/rest/v1.0/companies", perPage())).map(ProcoreRecords::company);
    }

    /** All projects, active and inactive (inactive projects are read, never posted). */
    public Flux<ProcoreProject> projects() {
        return http.list(http.uri("/rest/v1.1/projects", perPage()
                        .and("company_id", companyId())
                        .and("filters[by_status]", "All")))
                .map(ProcoreRecords::project);
    }

    /**
     * Company vendors. Deleted vendors don't exist in Procore (they are deactivated), so includeDeleted is
     * ignored; inactive vendors are listed separately by Procore and are not part of this list.
     */
    public Flux<ProcoreVendor> vendors(UpdatedSince since) {
        return http.list(http.uri("/rest/v1.0/vendors", updated(perPage().and("company_id", companyId()), since)))
                .map(ProcoreRecords::vendor);
    }

    /**
     * Inactive company vendors: Procore lists them apart from the active ones
     * ({@code GET /rest/v1.0/companies/{cid}/vendors/inactive}, reference sheet §10), so a full comparison
     * reads both lists.
     */
    public Flux<ProcoreVendor> inactiveVendors() {
        return http.list(http.uri("/rest/v1.0/companies/" + companyId() + "/vendors/inactive", perPage()))
                .map(ProcoreRecords::vendor);
    }

    public Mono<ProcoreVendor> vendor(long vendorId) {
        return http.get(http.uri("/rest/v1.0/vendors/" + vendorId, Query.of("company_id", companyId())))
                .map(ProcoreRecords::vendor);
    }

    public Flux<LineItemType> lineItemTypes() {
        return http.list(http.uri("/rest/v1.0/line_item_types", perPage().and("company_id", companyId())))
                .map(ProcoreRecords::lineItemType);
    }

    public Flux<CostCode> costCodes(long projectId) {
        return http.list(http.uri("/rest/v1.0/cost_codes", perPage().and("project_id", projectId)))
                .map(ProcoreRecords::costCode);
    }

    // ---------------------------------------------------------------- requisitions

    /** Requisitions with their items: view=extended puts items in the list, so one request per page, no N+1. */
    public Flux<Requisition> requisitions(long projectId, UpdatedSince since) {
        Query q = updated(perPage().and("project_id", projectId).and("view", "extended"), since);
        return http.list(http.uri("/rest/v1.1/requisitions", q)).map(n -> ProcoreRecords.requisition(n, projectId));
    }

    /** The ids of every requisition the project lists now (default view: no items). */
    public Flux<Long> requisitionIds(long projectId) {
        return ids(http.uri("/rest/v1.1/requisitions", perPage().and("project_id", projectId)));
    }

    public Mono<Requisition> requisition(long projectId, long requisitionId) {
        return http.get(http.uri("/rest/v1.1/requisitions/" + requisitionId,
                        Query.of("project_id", projectId).and("view", "extended")))
                .map(n -> ProcoreRecords.requisition(n, projectId));
    }

    // ---------------------------------------------------------------- direct costs

    /**
     * Changed direct costs with all their lines. Lines come from the per-project line list
     * ({@code /direct_costs/line_items}, one call per page of lines) rather than one call per cost; but when
     * the project has more pages of lines than there are changed costs, one call per cost is cheaper and the
     * client switches to that after the first page. The line list is not filtered by updated_at: a changed cost
     * needs all its lines, changed or not, and a header change need not touch its lines.
     */
    public Flux<DirectCost> directCosts(long projectId, UpdatedSince since) {
        // the direct-cost list declares no filters[include_deleted] (Procore REST reference, List Direct Cost Items):
        // a deleted cost is simply absent; see directCostIds for how deletions are found
        Query q = updated(perPage(), since);
        return http.list(http.uri("/rest/v1.1/projects/" + projectId + "/direct_costs", q))
                .collectList()
                .flatMapMany(headers -> headers.isEmpty() ? Flux.empty() : withLines(projectId, headers));
    }

    private Flux<DirectCost> withLines(long projectId, List<JsonNode> headers) {
        if (headers.size() == 1) {
            return directCost(projectId, headers.get(0).path("id").asLong()).flux();
        }
        URI first = http.uri("/rest/v1.0/projects/" + projectId + "/direct_costs/line_items", perPage());
        return http.page(first).flatMapMany(page -> {
            int pagesLeft = page.next() == null ? 0 : page.lastPage() - 1;
            if (pagesLeft >= headers.size()) {
                return Flux.fromIterable(headers).concatMap(h -> directCost(projectId, h.path("id").asLong()));
            }
            Flux<JsonNode> lines = Flux.fromIterable(page.items())
                    .concatWith(page.next() == null ? Flux.empty() : http.list(page.next()));
            return lines.collectMultimap(l -> l.path("holder").path("id").asLong())
                    .flatMapMany(byCost -> Flux.fromIterable(headers).concatMap(h -> {
                        long id = h.path("id").asLong();
                        if (!h.path("deleted_at").isNull() && h.has("deleted_at")) {
                            return directCost(projectId, id); // lines of deleted costs are not in the project list
                        }
                        List<DirectCostLine> costLines = byCost.getOrDefault(id, List.of()).stream()
                                .sorted(java.util.Comparator.comparingLong(l -> l.path("position").asLong(l.path("id").asLong())))
                                .map(ProcoreRecords::directCostLine).toList();
                        return Mono.just(ProcoreRecords.directCost(h, projectId, costLines));
                    }));
        });
    }

    /**
     * The ids of every direct cost the project lists now (one request per page, no lines): compared with the costs
     * seen before, an id that is gone names a deleted cost.
     */
    public Flux<Long> directCostIds(long projectId) {
        return ids(http.uri("/rest/v1.1/projects/" + projectId + "/direct_costs", perPage()));
    }

    public Mono<DirectCost> directCost(long projectId, long directCostId) {
        return http.get(http.uri("/rest/v1.1/projects/" + projectId + "/direct_costs/" + directCostId, Query.empty()))
                .map(n -> {
                    List<DirectCostLine> lines = new ArrayList<>();
                    n.path("line_items").forEach(l -> lines.add(ProcoreRecords.directCostLine(l)));
                    return ProcoreRecords.directCost(n, projectId, lines);
                });
    }

    // ---------------------------------------------------------------- commitments

    public Flux<Commitment> workOrderContracts(long projectId, UpdatedSince since) {
        return commitments(CommitmentType.WORK_ORDER, projectId, since);
    }

    public Flux<Commitment> purchaseOrderContracts(long projectId, UpdatedSince since) {
        return commitments(CommitmentType.PURCHASE_ORDER, projectId, since);
    }

    /** List (compact, no lines) of changed contracts, then one show call each for the SOV lines. */
    public Flux<Commitment> commitments(CommitmentType type, long projectId, UpdatedSince since) {
        Query q = updated(perPage().and("project_id", projectId), since);
        if (since.includeDeleted()) {
            q.and("filters[include_deleted]", "with");
        }
        return http.list(http.uri("/rest/v1.0/" + type.resource(), q))
                .flatMapSequential(n -> commitment(type, projectId, n.path("id").asLong()), options.commitmentConcurrency());
    }

    /** The ids of every (not deleted) contract of the type in the project: the compact list, no show calls. */
    public Flux<Long> commitmentIds(CommitmentType type, long projectId) {
        return ids(http.uri("/rest/v1.0/" + type.resource(), perPage().and("project_id", projectId)));
    }

    public Mono<Commitment> commitment(CommitmentType type, long projectId, long commitmentId) {
        return http.get(http.uri("/rest/v1.0/" + type.resource() + "/" + commitmentId, Query.of("project_id", projectId)))
                .map(n -> ProcoreRecords.commitment(n, type, projectId));
    }

    // ---------------------------------------------------------------- change orders

    public Flux<ChangeOrder> commitmentChangeOrders(long projectId, UpdatedSince since) {
        return changeOrders(ChangeOrderKind.COMMITMENT, projectId, since);
    }

    public Flux<ChangeOrder> primeChangeOrders(long projectId, UpdatedSince since) {
        return changeOrders(ChangeOrderKind.PRIME, projectId, since);
    }

    /**
     * v1 headers, then v2 lines per change order. The v1.0 change-order lists declare no page / per_page (Procore
     * REST reference, List Commitment / Prime Change Orders), so none is sent; a Link rel="next" is still followed.
     */
    public Flux<ChangeOrder> changeOrders(ChangeOrderKind kind, long projectId, UpdatedSince since) {
        Query q = updated(Query.empty(), since);
        return http.list(http.uri("/rest/v1.0/projects/" + projectId + "/" + kind.resource(), q))
                .flatMapSequential(h -> changeOrderLines(kind, projectId, h.path("id").asLong())
                        .map(lines -> ProcoreRecords.changeOrder(h, kind, projectId, lines)), options.commitmentConcurrency());
    }

    /** The ids of every change order of the kind the project lists now. */
    public Flux<Long> changeOrderIds(ChangeOrderKind kind, long projectId) {
        return ids(http.uri("/rest/v1.0/projects/" + projectId + "/" + kind.resource(), Query.empty()));
    }

    public Mono<ChangeOrder> changeOrder(ChangeOrderKind kind, long projectId, long changeOrderId) {
        return http.get(http.uri("/rest/v1.0/projects/" + projectId + "/" + kind.resource() + "/" + changeOrderId, Query.empty()))
                .flatMap(h -> changeOrderLines(kind, projectId, changeOrderId)
                        .map(lines -> ProcoreRecords.changeOrder(h, kind, projectId, lines)));
    }

    private Mono<List<ChangeOrderLine>> changeOrderLines(ChangeOrderKind kind, long projectId, long changeOrderId) {
        String path = "/rest/v2.0/companies/" + companyId() + "/projects/" + projectId + "/" + kind.resource() + "/"
                + changeOrderId + "/line_items";
        return http.list(http.uri(path, Query.of("per_page", options.v2PerPage())))
                .map(ProcoreRecords::changeOrderLine)
                .collectList();
    }

    // ---------------------------------------------------------------- records as Procore returns them (GET only)

    /*
     * These reads keep every record exactly as the API answered it, for saving a copy of a company's records in
     * the sandbox's data layout (bin/ml-connector snapshot). They use the same paging, pacing and retries as the
     * typed reads above, and only the query parameters each endpoint declares (Procore REST reference).
     */

    /** {@code GET /rest/v1.0/companies}: the companies where the app is installed. */
    public Flux<JsonNode> companiesAsReturned() {
        return http.list(http.uri("/rest/v1.0/companies", perPage()));
    }

    /** {@code GET /rest/v1.1/projects}, active and inactive. */
    public Flux<JsonNode> projectsAsReturned() {
        return http.list(http.uri("/rest/v1.1/projects", perPage()
                .and("company_id", companyId())
                .and("filters[by_status]", "All")));
    }

    /** The company's active vendors, then its inactive ones (Procore lists them apart). */
    public Flux<JsonNode> vendorsAsReturned() {
        return http.list(http.uri("/rest/v1.0/vendors", perPage().and("company_id", companyId())))
                .concatWith(http.list(http.uri("/rest/v1.0/companies/" + companyId() + "/vendors/inactive", perPage())));
    }

    public Flux<JsonNode> lineItemTypesAsReturned() {
        return http.list(http.uri("/rest/v1.0/line_item_types", perPage().and("company_id", companyId())));
    }

    public Flux<JsonNode> costCodesAsReturned(long projectId) {
        return http.list(http.uri("/rest/v1.0/cost_codes", perPage().and("project_id", projectId)));
    }

    /** Requisitions with their items ({@code view=extended}). */
    public Flux<JsonNode> requisitionsAsReturned(long projectId) {
        return http.list(http.uri("/rest/v1.1/requisitions", perPage().and("project_id", projectId).and("view", "extended")));
    }

    /** Every listed direct cost in its show shape, lines included (the list carries neither lines nor the vendor). */
    public Flux<JsonNode> directCostsAsReturned(long projectId) {
        return directCostIds(projectId).flatMapSequential(id -> http.get(http.uri(
                "/rest/v1.1/projects/" + projectId + "/direct_costs/" + id, Query.empty())), options.commitmentConcurrency());
    }

    /** Every contract of the type in its show shape with its lines, deleted ones included (with {@code deleted_at}). */
    public Flux<JsonNode> commitmentsAsReturned(CommitmentType type, long projectId) {
        Query q = perPage().and("project_id", projectId).and("filters[include_deleted]", "with");
        return ids(http.uri("/rest/v1.0/" + type.resource(), q)).flatMapSequential(id -> http.get(http.uri(
                "/rest/v1.0/" + type.resource() + "/" + id, Query.of("project_id", projectId))), options.commitmentConcurrency());
    }

    /** Every change order of the kind in its v1 show shape, with its v2 lines as {@code line_items}. */
    public Flux<JsonNode> changeOrdersAsReturned(ChangeOrderKind kind, long projectId) {
        String base = "/rest/v1.0/projects/" + projectId + "/" + kind.resource();
        String lines = "/rest/v2.0/companies/" + companyId() + "/projects/" + projectId + "/" + kind.resource() + "/";
        return changeOrderIds(kind, projectId).flatMapSequential(id -> http.get(http.uri(base + "/" + id, Query.empty()))
                .zipWith(http.list(http.uri(lines + id + "/line_items", Query.of("per_page", options.v2PerPage())))
                        .collectList(), (header, items) -> {
                    ObjectNode copy = header.isObject() ? ((ObjectNode) header).deepCopy() : ProcoreJson.MAPPER.createObjectNode();
                    copy.putArray("line_items").addAll(items);
                    return (JsonNode) copy;
                }), options.commitmentConcurrency());
    }

    // ---------------------------------------------------------------- vendor writes

    public Mono<ProcoreVendor> createVendor(VendorWrite vendor) {
        ObjectNode body = ProcoreJson.MAPPER.createObjectNode();
        body.put("company_id", companyId());
        body.set("vendor", vendorJson(vendor, false));
        return http.json(HttpMethod.POST, http.uri("/rest/v1.0/vendors", Query.empty()), body).map(ProcoreRecords::vendor);
    }

    public Mono<ProcoreVendor> updateVendor(long vendorId, VendorWrite vendor) {
        ObjectNode body = ProcoreJson.MAPPER.createObjectNode();
        body.put("company_id", companyId());
        body.set("vendor", vendorJson(vendor, false));
        return http.json(HttpMethod.PATCH, http.uri("/rest/v1.0/vendors/" + vendorId, Query.empty()), body)
                .map(ProcoreRecords::vendor);
    }

    /** Batch upsert; more than 1000 rows are split into several calls and the results merged. */
    public Mono<VendorSyncResult> syncVendors(List<VendorWrite> vendors) {
        List<List<VendorWrite>> batches = new ArrayList<>();
        for (int i = 0; i < vendors.size(); i += VENDOR_SYNC_BATCH) {
            batches.add(vendors.subList(i, Math.min(vendors.size(), i + VENDOR_SYNC_BATCH)));
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> {
                    ObjectNode body = ProcoreJson.MAPPER.createObjectNode();
                    body.put("company_id", companyId());
                    ArrayNode updates = body.putArray("updates");
                    batch.forEach(v -> updates.add(vendorJson(v, true)));
                    return http.json(HttpMethod.PATCH, http.uri("/rest/v1.0/vendors/sync", Query.empty()), body)
                            .map(ProcoreRecords::vendorSync);
                })
                .reduce(new VendorSyncResult(List.of(), List.of()), (a, b) -> new VendorSyncResult(
                        concat(a.entities(), b.entities()), concat(a.errors(), b.errors())));
    }

    // ---------------------------------------------------------------- webhooks (company scope, reference sheet §11)

    private static final String HOOKS = "/rest/v1.0/webhooks/hooks";

    /** The company's hooks in one namespace ("*" = every namespace). */
    public Flux<WebhookHook> webhookHooks(String namespace) {
        return http.list(http.uri(HOOKS, Query.of("company_id", companyId()).and("namespace", namespace)))
                .map(ProcoreClient::hook);
    }

    /** Creates a company-scoped hook with payload version v2. */
    public Mono<WebhookHook> createWebhookHook(WebhookHookSpec spec) {
        ObjectNode body = ProcoreJson.MAPPER.createObjectNode();
        body.put("company_id", companyId());
        body.set("hook", hookJson(spec));
        return http.json(HttpMethod.POST, http.uri(HOOKS, Query.empty()), body).map(ProcoreClient::hook);
    }

    /** Sets the hook's URL and headers (and namespace, api_version) to the spec's. */
    public Mono<WebhookHook> updateWebhookHook(long hookId, WebhookHookSpec spec) {
        ObjectNode body = ProcoreJson.MAPPER.createObjectNode();
        body.put("company_id", companyId());
        body.set("hook", hookJson(spec));
        return http.json(HttpMethod.PATCH, http.uri(HOOKS + "/" + hookId, Query.empty()), body).map(ProcoreClient::hook);
    }

    public Mono<Void> deleteWebhookHook(long hookId) {
        return http.send(HttpMethod.DELETE, http.uri(HOOKS + "/" + hookId, Query.of("company_id", companyId())), null).then();
    }

    public Flux<WebhookTrigger> webhookTriggers(long hookId) {
        return http.list(http.uri(HOOKS + "/" + hookId + "/triggers", Query.of("company_id", companyId())))
                .map(ProcoreClient::trigger);
    }

    /**
     * Creates triggers in one call ({@code POST .../triggers/bulk}). The answer's shape is not documented: the
     * sandbox's {@code {success:[…], failures:[…]}} and a plain array of created triggers are both read.
     */
    public Mono<WebhookTriggersResult> createWebhookTriggers(long hookId, List<WebhookTrigger> triggers) {
        ObjectNode body = ProcoreJson.MAPPER.createObjectNode();
        body.put("company_id", companyId());
        body.put("api_version", "v2");
        ArrayNode list = body.putArray("triggers");
        triggers.forEach(t -> list.addObject().put("resource_name", t.resourceName()).put("event_type", t.eventType()));
        return http.json(HttpMethod.POST, http.uri(HOOKS + "/" + hookId + "/triggers/bulk", Query.empty()), body)
                .map(answer -> {
                    List<WebhookTrigger> created = new ArrayList<>();
                    List<String> failures = new ArrayList<>();
                    (answer.isArray() ? answer : answer.path("success")).forEach(t -> created.add(trigger(t)));
                    answer.path("failures").forEach(f -> failures.add(f.path("resource_name").asString("?") + "/"
                            + f.path("event_type").asString("?") + ": " + f.path("errors")));
                    return new WebhookTriggersResult(created, failures);
                });
    }

    /** Resource names a company hook can subscribe to ({@code GET /rest/v1.0/webhooks/resources?company_id=}). */
    public Flux<WebhookResource> webhookResources() {
        return http.list(http.uri("/rest/v1.0/webhooks/resources", Query.of("company_id", companyId())))
                .map(n -> {
                    List<String> except = new ArrayList<>();
                    n.path("except").forEach(e -> except.add(e.asString()));
                    return new WebhookResource(n.path("resource_name").asString(n.path("name").asString(null)), except);
                });
    }

    private static ObjectNode hookJson(WebhookHookSpec spec) {
        ObjectNode hook = ProcoreJson.MAPPER.createObjectNode();
        hook.put("api_version", "v2");
        hook.put("namespace", spec.namespace());
        hook.put("destination_url", spec.destinationUrl());
        ObjectNode headers = hook.putObject("destination_headers");
        spec.destinationHeaders().forEach((name, value) -> headers.put(name, value.reveal()));
        return hook;
    }

    private static WebhookHook hook(JsonNode n) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = n.path("destination_headers");
        if (h.isObject()) {
            h.propertyNames().forEach(name -> headers.put(name, h.get(name).asString()));
        }
        return new WebhookHook(n.path("id").asLong(), n.path("namespace").asString(null),
                n.path("api_version").asString(null), n.path("destination_url").asString(null), headers,
                n.path("owned_by_company_id").isNumber() ? n.path("owned_by_company_id").asLong() : null,
                n.path("owned_by_project_id").isNumber() ? n.path("owned_by_project_id").asLong() : null);
    }

    private static WebhookTrigger trigger(JsonNode n) {
        return new WebhookTrigger(n.hasNonNull("id") ? n.path("id").asLong() : null, n.path("resource_name").asString(),
                n.path("event_type").asString());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static ObjectNode vendorJson(VendorWrite v, boolean withId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (withId) {
            fields.put("id", v.id());
        }
        fields.put("name", v.name());
        fields.put("abbreviated_name", v.abbreviatedName());
        fields.put("origin_id", v.originId());
        fields.put("origin_code", v.originCode());
        fields.put("is_active", v.isActive());
        fields.put("address", v.address());
        fields.put("city", v.city());
        fields.put("state_code", v.stateCode());
        fields.put("zip", v.zip());
        fields.put("country_code", v.countryCode());
        fields.put("business_phone", v.businessPhone());
        fields.put("email_address", v.emailAddress());
        ObjectNode node = ProcoreJson.MAPPER.createObjectNode();
        fields.forEach((k, value) -> {
            if (value instanceof Long l) {
                node.put(k, l);
            } else if (value instanceof Boolean b) {
                node.put(k, b);
            } else if (value != null) {
                node.put(k, value.toString());
            }
        });
        return node;
    }

    // ---------------------------------------------------------------- helpers

    private Flux<Long> ids(URI list) {
        return http.list(list).map(n -> n.path("id").asLong());
    }

    private Query perPage() {
        return Query.of("per_page", options.perPage());
    }

    /**
     * {@code filters[updated_at]=<from>...<to>}; Procore documents only closed ranges, so the upper bound is
     * now + 1 day (room for clock skew between us and Procore).
     */
    private Query updated(Query q, UpdatedSince since) {
        if (since != null && since.from() != null) {
            Instant to = clock.instant().plus(Duration.ofDays(1));
            q.and("filters[updated_at]", iso(since.from()) + "..." + iso(to));
        }
        return q;
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
