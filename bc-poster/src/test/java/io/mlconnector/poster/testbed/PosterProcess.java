package io.mlconnector.poster.testbed;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.bc.BcCallListener;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.config.PosterConfiguration.BcCallCounts;
import io.mlconnector.poster.metrics.PosterMetrics;
import io.mlconnector.poster.posting.LedgerDocument;
import io.mlconnector.poster.posting.PostingWorkflow;
import io.mlconnector.poster.posting.invoice.PurchaseCreditMemoDocument;
import io.mlconnector.poster.posting.invoice.PurchaseInvoiceDocument;
import io.mlconnector.poster.posting.journal.JournalDocument;
import io.mlconnector.posting.store.AuditTrail;
import io.mlconnector.posting.store.PostingRecord;
import io.mlconnector.posting.store.PostingStateStore;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.web.reactive.function.client.WebClient;

/** One poster "process": everything PosterConfiguration wires, built from scratch (nothing shared in memory). */
public final class PosterProcess {

    public final PostingWorkflow workflow;
    public final PostingStateStore store;
    public final AuditTrail audit;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final BcCallCounts calls = new BcCallCounts();

    PosterProcess(Tenant tenant, MongoDatabase db, BcClientOptions options, UnaryOperator<LedgerDocument> wrap) {
        Clock clock = Clock.systemUTC();
        PosterMetrics metrics = new PosterMetrics(meters);
        BcCallListener meter = metrics.bcCalls(tenant.id());
        BcClients clients = new BcClients(WebClient.builder(), clock, tenantId -> options.withListener(call -> {
            calls.of(tenantId).incrementAndGet();
            meter.onCall(call);
        }));
        TenantRegistry tenants = new TenantRegistry() {
            @Override
            public List<Tenant> all() {
                return List.of(tenant);
            }

            @Override
            public Optional<Tenant> byId(String tenantId) {
                return tenant.id().equals(tenantId) ? Optional.of(tenant) : Optional.empty();
            }
        };
        Duration timeout = Duration.ofSeconds(30);
        List<LedgerDocument> documents = List.of(new PurchaseInvoiceDocument(timeout),
                        new PurchaseCreditMemoDocument(timeout), new JournalDocument("PROCORE", timeout)).stream()
                .map(wrap).toList();
        this.store = new PostingStateStore(db, clock);
        this.audit = new AuditTrail(db, clock);
        this.workflow = new PostingWorkflow(tenants, clients, documents, store, audit, id -> calls.of(id).get(), clock,
                metrics::posting);
    }

    public PostingResult post(PostingRequest request) {
        return workflow.post(request).block();
    }

    public PostingRecord record(String postingKey) {
        return store.find(postingKey).blockOptional().orElseThrow();
    }
}
