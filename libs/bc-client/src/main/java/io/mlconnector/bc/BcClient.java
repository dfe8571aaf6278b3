package io.mlconnector.bc;

import io.mlconnector.oauth.BearerTokenFilter;
import io.mlconnector.oauth.CachingTokenProvider;
import io.mlconnector.oauth.ClientCredentialsGrant;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed, reactive access to one BC company through API v2.0. Every call goes through the environment's shared
 * concurrency cap, speed limit and circuit breaker and the retry policy in {@link BcFailurePolicy}; failures surface as
 * {@link BcApiException}. Calls per use case (measured against the sandbox, see README):
 * create invoice draft with line dimensions = 1 (nested deep insert) or 2 (separate $batch for line dimensions);
 * post = 1; 100 journal lines with dimensions = 1 $batch (nested) or 1 + ceil(dimensions / 100) (separate).
 */
public final class BcClient {

    /** The Entra scope for BC (bc-api.md 1). */
    public static final String SCOPE = "https://api.businesscentral.dynamics.com/.default";

    private static final int MAX_BATCH_OPERATIONS = 100; // bc-api.md 6: at most 100 operations per $batch
    private static final String POST_ACTION = "Microsoft.NAV.post";

    private final BcConnection connection;
    private final BcClientOptions options;
    private final BcHttp http;
    private final String company;
    private final AtomicBoolean nestedDimensionsRefused = new AtomicBoolean();

    private BcClient(BcConnection connection, BcClientOptions options, BcHttp http) {
        this.connection = connection;
        this.options = options;
        this.http = http;
        this.company = "companies(" + connection.companyId() + ")";
    }

    /** A client with its own resilience4j instances (nothing shared with other clients, no metrics). */
    public static BcClient create(BcConnection connection, WebClient.Builder webClientBuilder, Clock clock,
                                  BcClientOptions options) {
        return create(connection, webClientBuilder, clock, options, new BcResilience());
    }

    /**
     * A client whose environment limits (concurrency cap, speed limit, circuit breaker) are shared with every other
     * client of the same environment built on {@code resilience}, and whose metrics go where it is bound.
     */
    public static BcClient create(BcConnection connection, WebClient.Builder webClientBuilder, Clock clock,
                                  BcClientOptions options, BcResilience resilience) {
        Objects.requireNonNull(connection);
        Objects.requireNonNull(options);
        Objects.requireNonNull(resilience);
        String principal = "bc:" + connection.aadTenantId() + "/" + connection.environment();
        ClientCredentialsGrant grant = new ClientCredentialsGrant(principal, webClientBuilder.clone().build(),
                connection.tokenUri(), connection.clientId(), connection.clientSecret(), SCOPE, clock);
        CachingTokenProvider tokens = new CachingTokenProvider(principal, grant, options.tokenRefreshMargin(), clock);
        WebClient api = webClientBuilder.clone().filter(new BearerTokenFilter(tokens)).build();
        BcResilience.Guards guards = resilience.guards(connection.environmentKey(), connection.clientKey(), options);
        return new BcClient(connection, options, new BcHttp(api, guards, options, connection.environment()));
    }

    public BcConnection connection() {
        return connection;
    }

    // ---------------------------------------------------------------- master data

    public Flux<BcCompany> companies() {
        return list("companies", null).map(BcCompany::from);
    }

    /** All vendors, or those changed after {@code modifiedSince} (null = all); follows @odata.nextLink. */
    public Flux<BcVendor> vendors(Instant modifiedSince) {
        return list(company + "/vendors", modifiedSince == null ? null
                : filter("lastModifiedDateTime gt " + modifiedSince)).map(BcVendor::from);
    }

    public Mono<BcVendor> vendor(UUID id) {
        return get(company + "/vendors(" + id + ")", null).map(BcVendor::from);
    }

    /** PATCH with If-Match (the vendor's etag; stale -> CONFLICT). {@code changes} uses API field names. */
    public Mono<BcVendor> updateVendor(UUID id, String etag, Map<String, ?> changes) {
        ObjectNode body = BcJson.MAPPER.valueToTree(changes);
        return send(HttpMethod.PATCH, company + "/vendors(" + id + ")", null, body, ifMatch(etag)).map(BcVendor::from);
    }

    public Flux<BcAccount> accounts() {
        return list(company + "/accounts", null).map(BcAccount::from);
    }

    /** Dimensions with their values in one request ($expand=dimensionValues). */
    public Flux<BcDimension> dimensions() {
        return list(company + "/dimensions", "$expand=dimensionValues").map(BcDimension::from);
    }

    public Flux<BcPurchaseOrder> purchaseOrders(Instant modifiedSince) {
        return list(company + "/purchaseOrders", modifiedSince == null ? null
                : filter("lastModifiedDateTime gt " + modifiedSince)).map(BcPurchaseOrder::from);
    }

    // ---------------------------------------------------------------- entities as BC returns them (GET only)

    private static final java.util.regex.Pattern ENTITY_SET = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** The environment's companies exactly as BC returns them (for saving a copy of a company). */
    public Flux<JsonNode> companiesAsReturned() {
        return list("companies", null);
    }

    /**
     * Every entity of one of the company's entity sets exactly as BC returns it, all pages, e.g.
     * {@code entitiesAsReturned("dimensions", "$expand=dimensionValues")}: for saving a copy of the company in the
     * sandbox's data layout ({@code bin/ml-connector snapshot}). GET only, through the same concurrency limit and
     * failure table as every other call.
     */
    public Flux<JsonNode> entitiesAsReturned(String entitySet, String query) {
        if (entitySet == null || !ENTITY_SET.matcher(entitySet).matches()) {
            throw new IllegalArgumentException("not an entity set name: " + entitySet);
        }
        return list(company + "/" + entitySet, query);
    }

    // ---------------------------------------------------------------- purchase invoices

    /** Invoices (draft or posted) with this vendorInvoiceNumber; BC stores Code fields uppercased, so we match so. */
    public Flux<BcPurchaseInvoice> findPurchaseInvoices(String vendorInvoiceNumber) {
        return list(company + "/purchaseInvoices", filter("vendorInvoiceNumber eq " + literal(code(vendorInvoiceNumber))))
                .map(BcPurchaseInvoice::from);
    }

    /**
     * Invoices (draft or posted) of one vendor with this Vendor Invoice No., their lines included: BC's own
     * duplicate check is per vendor and number, and the lines let a caller recognise its own document (a comment
     * line). {@code vendorNumber} is used when given, else {@code vendorId}.
     */
    public Flux<BcPurchaseInvoice> findPurchaseInvoices(UUID vendorId, String vendorNumber, String vendorInvoiceNumber) {
        return list(company + "/purchaseInvoices", filter(vendorFilter(vendorId, vendorNumber)
                + " and vendorInvoiceNumber eq " + literal(code(vendorInvoiceNumber))) + "&$expand=purchaseInvoiceLines")
                .map(BcPurchaseInvoice::from);
    }

    public Mono<BcPurchaseInvoice> purchaseInvoice(UUID id) {
        return get(company + "/purchaseInvoices(" + id + ")", "$expand=purchaseInvoiceLines($expand=dimensionSetLines)")
                .map(BcPurchaseInvoice::from);
    }

    /** Creates a draft: header + lines + line dimensions in one deep insert (or two requests, see LineDimensions). */
    public Mono<BcPurchaseInvoice> createPurchaseInvoice(PurchaseInvoiceDraft draft) {
        ObjectNode header = vendorRef(draft.vendorId(), draft.vendorNumber());
        header.put("vendorInvoiceNumber", draft.vendorInvoiceNumber());
        putDate(header, "invoiceDate", draft.invoiceDate());
        putDate(header, "postingDate", draft.postingDate());
        if (draft.currencyCode() != null) {
            header.put("currencyCode", draft.currencyCode());
        }
        return createDocument("purchaseInvoices", "purchaseInvoiceLines", header, draft.lines(), BcPurchaseInvoice::from);
    }

    /** {@code Microsoft.NAV.post}: 204; the invoice keeps its id and becomes Open with a posted number. */
    public Mono<Void> postPurchaseInvoice(UUID id) {
        return send(HttpMethod.POST, company + "/purchaseInvoices(" + id + ")/" + POST_ACTION, null, null, Map.of()).then();
    }

    /**
     * Posts and reads the posted number in one {@code $batch} request: {@code Microsoft.NAV.post} answers 204
     * without a body and posting renumbers the invoice (it keeps its id), so the number can only be read after it
     * (Microsoft Learn, purchaseInvoice resource type and "Post purchaseInvoices"). The batch has no
     * {@code Isolation} header: BC runs the two operations one after the other, each on its own (posting commits as
     * it goes, which a snapshot batch would not allow). A refused post fails as {@link #postPurchaseInvoice} would;
     * an empty result means BC posted but the read gave no posted number.
     */
    public Mono<String> postPurchaseInvoiceReadingNumber(UUID id) {
        return postReadingNumber("purchaseInvoices", id);
    }

    /** Deletes a draft (If-Match: the etag, or * when null). */
    public Mono<Void> deletePurchaseInvoice(UUID id, String etag) {
        return send(HttpMethod.DELETE, company + "/purchaseInvoices(" + id + ")", null, null, ifMatch(etag)).then();
    }

    // ---------------------------------------------------------------- purchase credit memos

    public Flux<BcPurchaseCreditMemo> findPurchaseCreditMemos(String vendorCreditMemoNumber) {
        return list(company + "/purchaseCreditMemos",
                filter("vendorCreditMemoNumber eq " + literal(code(vendorCreditMemoNumber)))).map(BcPurchaseCreditMemo::from);
    }

    /** Credit memos of one vendor with this Vendor Cr. Memo No., lines included (as {@link #findPurchaseInvoices}). */
    public Flux<BcPurchaseCreditMemo> findPurchaseCreditMemos(UUID vendorId, String vendorNumber,
                                                              String vendorCreditMemoNumber) {
        return list(company + "/purchaseCreditMemos", filter(vendorFilter(vendorId, vendorNumber)
                + " and vendorCreditMemoNumber eq " + literal(code(vendorCreditMemoNumber)))
                + "&$expand=purchaseCreditMemoLines").map(BcPurchaseCreditMemo::from);
    }

    public Mono<BcPurchaseCreditMemo> purchaseCreditMemo(UUID id) {
        return get(company + "/purchaseCreditMemos(" + id + ")",
                "$expand=purchaseCreditMemoLines($expand=dimensionSetLines)").map(BcPurchaseCreditMemo::from);
    }

    public Mono<BcPurchaseCreditMemo> createPurchaseCreditMemo(PurchaseCreditMemoDraft draft) {
        ObjectNode header = vendorRef(draft.vendorId(), draft.vendorNumber());
        header.put("vendorCreditMemoNumber", draft.vendorCreditMemoNumber());
        putDate(header, "creditMemoDate", draft.creditMemoDate());
        putDate(header, "postingDate", draft.postingDate());
        if (draft.currencyCode() != null) {
            header.put("currencyCode", draft.currencyCode());
        }
        return createDocument("purchaseCreditMemos", "purchaseCreditMemoLines", header, draft.lines(),
                BcPurchaseCreditMemo::from);
    }

    public Mono<Void> postPurchaseCreditMemo(UUID id) {
        return send(HttpMethod.POST, company + "/purchaseCreditMemos(" + id + ")/" + POST_ACTION, null, null, Map.of()).then();
    }

    /** Post and read the posted number in one {@code $batch} (see {@link #postPurchaseInvoiceReadingNumber}). */
    public Mono<String> postPurchaseCreditMemoReadingNumber(UUID id) {
        return postReadingNumber("purchaseCreditMemos", id);
    }

    public Mono<Void> deletePurchaseCreditMemo(UUID id, String etag) {
        return send(HttpMethod.DELETE, company + "/purchaseCreditMemos(" + id + ")", null, null, ifMatch(etag)).then();
    }

    private <T> Mono<T> createDocument(String set, String lineSet, ObjectNode header, List<PurchaseInvoiceLineDraft> lines,
                                       Function<JsonNode, T> parse) {
        return Mono.defer(() -> {
            if (!useNestedDimensions()) {
                return createDocumentThenDimensions(set, lineSet, header, lines, parse);
            }
            ObjectNode body = header.deepCopy();
            ArrayNode lineArray = body.putArray(lineSet);
            lines.forEach(l -> lineArray.add(documentLine(l, true)));
            Mono<T> nested = send(HttpMethod.POST, company + "/" + set,
                    "$expand=" + lineSet + "($expand=dimensionSetLines)", body, Map.of()).map(parse);
            return options.lineDimensions() == BcClientOptions.LineDimensions.AUTO
                    ? nested.onErrorResume(this::nestedDimensionsRefused,
                            e -> createDocumentThenDimensions(set, lineSet, header, lines, parse))
                    : nested;
        });
    }

    /** Fallback: deep insert without dimensions, then every line dimension in transactional $batch requests. */
    private <T> Mono<T> createDocumentThenDimensions(String set, String lineSet, ObjectNode header,
                                                     List<PurchaseInvoiceLineDraft> lines, Function<JsonNode, T> parse) {
        ObjectNode body = header.deepCopy();
        ArrayNode lineArray = body.putArray(lineSet);
        lines.forEach(l -> lineArray.add(documentLine(l, false)));
        return send(HttpMethod.POST, company + "/" + set, "$expand=" + lineSet, body, Map.of()).flatMap(doc -> {
            List<JsonNode> created = new ArrayList<>();
            doc.path(lineSet).forEach(created::add);
            created.sort(Comparator.comparingInt(l -> BcJson.integer(l, "sequence")));
            List<ObjectNode> ops = new ArrayList<>();
            for (int i = 0; i < lines.size() && i < created.size(); i++) {
                String url = company + "/" + lineSet + "(" + BcJson.text(created.get(i), "id") + ")/dimensionSetLines";
                lines.get(i).dimensions().forEach(d -> ops.add(operation("POST", url, dimension(d), null)));
            }
            UUID id = UUID.fromString(BcJson.text(doc, "id"));
            return batches(ops)
                    .onErrorResume(e -> send(HttpMethod.DELETE, company + "/" + set + "(" + id + ")", null, null,
                            ifMatch(null)).onErrorResume(cleanup -> Mono.empty()).then(Mono.error(e)))
                    .then(Mono.fromCallable(() -> parse.apply(doc)));
        });
    }

    private Mono<String> postReadingNumber(String set, UUID id) {
        ObjectNode body = BcJson.object();
        ArrayNode requests = body.putArray("requests");
        ObjectNode post = operation("POST", company + "/" + set + "(" + id + ")/" + POST_ACTION, null, null);
        post.put("id", "1");
        requests.add(post);
        ObjectNode read = operation("GET", company + "/" + set + "(" + id + ")?$select=id,number,status", null, null);
        read.put("id", "2");
        requests.add(read);
        return send(HttpMethod.POST, "$batch", null, body, Map.of()).flatMap(answer -> {
            Map<String, JsonNode> byId = new HashMap<>();
            answer.path("responses").forEach(r -> byId.put(BcJson.text(r, "id"), r));
            JsonNode posted = byId.get("1");
            int status = posted == null ? 500 : posted.path("status").asInt();
            if (status >= 400) {
                JsonNode error = posted == null ? null : posted.path("body").path("error");
                return Mono.error(BcApiException.of(status, error == null ? "Unknown" : BcJson.text(error, "code"),
                        error == null ? "no answer for the post in the $batch" : BcJson.text(error, "message"), null));
            }
            JsonNode after = byId.get("2");
            boolean read2xx = after != null && after.path("status").asInt() < 300;
            String number = read2xx ? BcJson.text(after.path("body"), "number") : null;
            boolean stillDraft = read2xx && "Draft".equals(BcJson.text(after.path("body"), "status"));
            return number == null || stillDraft ? Mono.empty() : Mono.just(number);
        });
    }

    private static String vendorFilter(UUID vendorId, String vendorNumber) {
        if (vendorNumber != null && !vendorNumber.isBlank()) {
            return "vendorNumber eq " + literal(code(vendorNumber));
        }
        if (vendorId == null) {
            throw new IllegalArgumentException("a vendorId or a vendorNumber is required");
        }
        return "vendorId eq " + vendorId;
    }

    private ObjectNode documentLine(PurchaseInvoiceLineDraft line, boolean withDimensions) {
        ObjectNode l = BcJson.object();
        if (line.isComment()) {
            l.put("lineType", "Comment");
            l.put("description", line.description());
            return l;
        }
        l.put("lineType", "Account");
        l.put("lineObjectNumber", line.accountNumber());
        if (line.description() != null) {
            l.put("description", line.description());
        }
        l.put("quantity", line.quantity());
        l.put("unitCost", line.unitCost());
        if (withDimensions && !line.dimensions().isEmpty()) {
            ArrayNode dims = l.putArray("dimensionSetLines");
            line.dimensions().forEach(d -> dims.add(dimension(d)));
        }
        return l;
    }

    // ---------------------------------------------------------------- general journal

    /** The journal batch with this code (e.g. PROCORE), or empty. */
    public Mono<BcJournal> journal(String code) {
        return list(company + "/journals", filter("code eq " + literal(code(code)))).next().map(BcJournal::from);
    }

    /** Unposted lines of a journal, optionally only those with this externalDocumentNumber, with dimensions. */
    public Flux<BcJournalLine> journalLines(UUID journalId, String externalDocumentNumber) {
        String query = "$expand=dimensionSetLines" + (externalDocumentNumber == null ? ""
                : "&" + filter("externalDocumentNumber eq " + literal(code(externalDocumentNumber))));
        return list(company + "/journals(" + journalId + ")/journalLines", query).map(BcJournalLine::from);
    }

    /**
     * Adds lines through transactional $batch requests ({@code Isolation: snapshot}, at most 100 operations each).
     * With nested dimensions every 100 lines cost one request, dimensions included; otherwise one request for the
     * lines plus one per 100 dimension assignments, and a failed dimension batch deletes that chunk's lines again.
     * Lists longer than 100 lines are written chunk by chunk: a failure in a later chunk leaves earlier chunks.
     */
    public Mono<List<BcJournalLine>> addJournalLines(UUID journalId, List<JournalLineDraft> lines) {
        List<List<JournalLineDraft>> chunks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += MAX_BATCH_OPERATIONS) {
            chunks.add(lines.subList(i, Math.min(lines.size(), i + MAX_BATCH_OPERATIONS)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> addJournalChunk(journalId, chunk))
                .flatMapIterable(list -> list)
                .collectList();
    }

    private Mono<List<BcJournalLine>> addJournalChunk(UUID journalId, List<JournalLineDraft> chunk) {
        return Mono.defer(() -> {
            if (!useNestedDimensions()) {
                return addJournalChunkThenDimensions(journalId, chunk);
            }
            Mono<List<BcJournalLine>> nested = batches(journalLineOps(journalId, chunk, true))
                    .map(bodies -> bodies.stream().map(BcJournalLine::from).toList());
            return options.lineDimensions() == BcClientOptions.LineDimensions.AUTO
                    ? nested.onErrorResume(this::nestedDimensionsRefused, e -> addJournalChunkThenDimensions(journalId, chunk))
                    : nested;
        });
    }

    private Mono<List<BcJournalLine>> addJournalChunkThenDimensions(UUID journalId, List<JournalLineDraft> chunk) {
        return batches(journalLineOps(journalId, chunk, false)).flatMap(bodies -> {
            List<ObjectNode> ops = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                String url = company + "/journalLines(" + BcJson.text(bodies.get(i), "id") + ")/dimensionSetLines";
                chunk.get(i).dimensions().forEach(d -> ops.add(operation("POST", url, dimension(d), null)));
            }
            List<ObjectNode> undo = bodies.stream().map(b -> operation("DELETE",
                    company + "/journals(" + journalId + ")/journalLines(" + BcJson.text(b, "id") + ")", null, "*")).toList();
            return batches(ops)
                    .onErrorResume(e -> batches(undo).onErrorResume(cleanup -> Mono.empty()).then(Mono.error(e)))
                    .thenReturn(bodies.stream().map(BcJournalLine::from).toList());
        });
    }

    private List<ObjectNode> journalLineOps(UUID journalId, List<JournalLineDraft> lines, boolean withDimensions) {
        String url = company + "/journals(" + journalId + ")/journalLines";
        List<ObjectNode> ops = new ArrayList<>();
        for (JournalLineDraft line : lines) {
            ObjectNode body = BcJson.object();
            body.put("accountType", "G/L Account");
            body.put("accountNumber", line.accountNumber());
            body.put("postingDate", line.postingDate().toString());
            body.put("documentNumber", line.documentNumber());
            if (line.externalDocumentNumber() != null) {
                body.put("externalDocumentNumber", line.externalDocumentNumber());
            }
            body.put("amount", line.amount());
            if (line.description() != null) {
                body.put("description", line.description());
            }
            if (line.balancingAccountNumber() != null) {
                body.put("balanceAccountType", "G/L Account");
                body.put("balancingAccountNumber", line.balancingAccountNumber());
            }
            if (withDimensions && !line.dimensions().isEmpty()) {
                ArrayNode dims = body.putArray("dimensionSetLines");
                line.dimensions().forEach(d -> dims.add(dimension(d)));
            }
            ops.add(operation("POST", url, body, null));
        }
        return ops;
    }

    /**
     * Whether posted G/L entries carry this Document No. Posted journal lines leave the batch and live on only as
     * G/L entries, and v2.0 {@code generalLedgerEntries} have {@code documentNumber} but no external document
     * number (bc-api.md 3; $metadata), so this is how a poster finds out that a journal posting already happened.
     */
    public Mono<Boolean> hasGeneralLedgerEntries(String documentNumber) {
        return list(company + "/generalLedgerEntries",
                filter("documentNumber eq " + literal(code(documentNumber))) + "&$top=1&$select=id,documentNumber")
                .hasElements();
    }

    /**
     * Deletes journal lines (If-Match *) in transactional $batch requests of at most 100. A posting whose batch post
     * failed takes its lines out again, so one document with a business problem (closed period) does not block every
     * later posting into the shared journal batch.
     */
    public Mono<Void> deleteJournalLines(UUID journalId, List<UUID> lineIds) {
        if (lineIds.isEmpty()) {
            return Mono.empty();
        }
        List<ObjectNode> ops = lineIds.stream().map(id -> operation("DELETE",
                company + "/journals(" + journalId + ")/journalLines(" + id + ")", null, "*")).toList();
        return batches(ops).then();
    }

    /** {@code journals({id})/Microsoft.NAV.post}: posts every line of the batch (all or nothing) and empties it. */
    public Mono<Void> postJournal(UUID journalId) {
        return send(HttpMethod.POST, company + "/journals(" + journalId + ")/" + POST_ACTION, null, null, Map.of()).then();
    }

    // ---------------------------------------------------------------- webhook subscriptions (environment level)

    /** The subscription resource for an entity set of this company, e.g. {@code api/v2.0/companies(…)/vendors}. */
    public String subscriptionResource(String entitySet) {
        return "api/v2.0/" + company + "/" + entitySet;
    }

    /** Creates a subscription; BC first calls the URL with ?validationToken= and expects it echoed within 5 s. */
    public Mono<BcSubscription> createSubscription(URI notificationUrl, String entitySet, String clientState) {
        ObjectNode body = BcJson.object();
        body.put("notificationUrl", notificationUrl.toString());
        body.put("resource", subscriptionResource(entitySet));
        if (clientState != null) {
            body.put("clientState", clientState);
        }
        return send(HttpMethod.POST, "subscriptions", null, body, Map.of()).map(BcSubscription::from);
    }

    /** Renews (PATCH with If-Match, re-runs the handshake); returns the new expiry and etag. */
    public Mono<BcSubscription> renewSubscription(BcSubscription subscription) {
        ObjectNode body = BcJson.object();
        body.put("notificationUrl", subscription.notificationUrl());
        return send(HttpMethod.PATCH, subscriptionPath(subscription.subscriptionId()), null, body,
                ifMatch(subscription.etag())).map(BcSubscription::from);
    }

    public Mono<Void> deleteSubscription(BcSubscription subscription) {
        return send(HttpMethod.DELETE, subscriptionPath(subscription.subscriptionId()), null, null,
                ifMatch(subscription.etag())).then();
    }

    public Flux<BcSubscription> subscriptions() {
        return list("subscriptions", null).map(BcSubscription::from);
    }

    private static String subscriptionPath(String id) {
        // subscriptionId is a string key: quoted, with quotes doubled (bc-api.md 5.3)
        return "subscriptions('" + id.replace("'", "''") + "')";
    }

    // ---------------------------------------------------------------- plumbing

    private boolean useNestedDimensions() {
        return switch (options.lineDimensions()) {
            case NESTED -> true;
            case SEPARATE_BATCH -> false;
            case AUTO -> !nestedDimensionsRefused.get();
        };
    }

    /** BC refused dimensionSetLines nested in a deep insert (UNCONFIRMED behaviour; the text names the property). */
    private boolean nestedDimensionsRefused(Throwable e) {
        boolean refused = e instanceof BcApiException b && b.kind() == FailureKind.BAD_REQUEST
                && b.bcMessage().contains("dimensionSetLines");
        if (refused) {
            nestedDimensionsRefused.set(true);
        }
        return refused;
    }

    private static ObjectNode dimension(DimensionAssignment d) {
        ObjectNode n = BcJson.object();
        n.put("code", d.code());
        n.put("valueCode", d.valueCode());
        return n;
    }

    private static ObjectNode vendorRef(UUID vendorId, String vendorNumber) {
        ObjectNode header = BcJson.object();
        if (vendorId != null) {
            header.put("vendorId", vendorId.toString());
        } else {
            header.put("vendorNumber", vendorNumber);
        }
        return header;
    }

    private static void putDate(ObjectNode node, String field, java.time.LocalDate date) {
        if (date != null) {
            node.put(field, date.toString());
        }
    }

    private static ObjectNode operation(String method, String url, JsonNode body, String ifMatch) {
        ObjectNode op = BcJson.object();
        op.put("method", method);
        op.put("url", url);
        ObjectNode headers = op.putObject("headers");
        headers.put("Content-Type", "application/json");
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        if (body != null) {
            op.set("body", body);
        }
        return op;
    }

    /** Runs operations in $batch requests of at most 100, one after another, each all-or-nothing. */
    private Mono<List<JsonNode>> batches(List<ObjectNode> ops) {
        if (ops.isEmpty()) {
            return Mono.just(List.of());
        }
        List<List<ObjectNode>> chunks = new ArrayList<>();
        for (int i = 0; i < ops.size(); i += MAX_BATCH_OPERATIONS) {
            chunks.add(ops.subList(i, Math.min(ops.size(), i + MAX_BATCH_OPERATIONS)));
        }
        return Flux.fromIterable(chunks).concatMap(this::batch).flatMapIterable(l -> l).collectList();
    }

    /**
     * One {@code $batch} with {@code Isolation: snapshot}. BC rolls back every write when one operation fails, yet
     * the earlier answers still show 2xx (bc-api.md 4): so any failed status fails the whole batch.
     */
    private Mono<List<JsonNode>> batch(List<ObjectNode> ops) {
        ObjectNode body = BcJson.object();
        ArrayNode requests = body.putArray("requests");
        for (int i = 0; i < ops.size(); i++) {
            ObjectNode op = ops.get(i).deepCopy();
            op.put("id", String.valueOf(i + 1));
            requests.add(op);
        }
        return send(HttpMethod.POST, "$batch", null, body, Map.of("Isolation", "snapshot")).map(answer -> {
            Map<String, JsonNode> byId = new HashMap<>();
            answer.path("responses").forEach(r -> byId.put(BcJson.text(r, "id"), r));
            List<JsonNode> bodies = new ArrayList<>();
            for (int i = 1; i <= ops.size(); i++) {
                JsonNode r = byId.get(String.valueOf(i));
                int status = r == null ? 500 : r.path("status").asInt();
                if (status >= 400 || r == null) {
                    JsonNode error = r == null ? null : r.path("body").path("error");
                    throw BcApiException.of(status, error == null ? "Unknown" : BcJson.text(error, "code"),
                            (error == null ? "no answer for operation " + i : BcJson.text(error, "message"))
                                    + " (operation " + i + " of " + ops.size() + "; the whole $batch was rolled back)",
                            null);
                }
                bodies.add(r.path("body"));
            }
            return bodies;
        });
    }

    private Flux<JsonNode> list(String path, String query) {
        return get(path, query).expand(page -> {
            String next = BcJson.text(page, "@odata.nextLink");
            return next == null ? Mono.empty()
                    : http.send(new BcHttp.Request(HttpMethod.GET, URI.create(next), null, readHeaders()));
        }).flatMapIterable(page -> {
            List<JsonNode> items = new ArrayList<>();
            page.path("value").forEach(items::add);
            return items;
        });
    }

    private Mono<JsonNode> get(String path, String query) {
        return http.send(new BcHttp.Request(HttpMethod.GET, uri(path, query), null, readHeaders()));
    }

    private Mono<JsonNode> send(HttpMethod method, String path, String query, JsonNode body, Map<String, String> headers) {
        return http.send(new BcHttp.Request(method, uri(path, query), body, headers));
    }

    private Map<String, String> readHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (options.pageSize() > 0) {
            headers.put("Prefer", "odata.maxpagesize=" + options.pageSize());
        }
        return headers;
    }

    private static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag == null ? "*" : etag);
    }

    private URI uri(String path, String query) {
        return URI.create(connection.apiRoot() + "/" + path.replace("'", "%27") + (query == null ? "" : "?" + query));
    }

    private static String filter(String expression) {
        return "$filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An OData string literal: quotes doubled (OData v4 URL conventions). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** BC stores Code fields uppercased and trimmed (bc-api.md 3): compare the same way. */
    private static String code(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
