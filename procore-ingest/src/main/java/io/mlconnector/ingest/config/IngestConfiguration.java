package io.mlconnector.ingest.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.CostDocument;
import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.ingest.publish.CostDocumentPublisher;
import io.mlconnector.ingest.schedule.TenantSchedules;
import io.mlconnector.ingest.state.DeletionCheckStore;
import io.mlconnector.ingest.state.PublishedRevisionStore;
import io.mlconnector.ingest.state.WatermarkStore;
import io.mlconnector.ingest.sync.CostDocumentReader;
import io.mlconnector.ingest.sync.DeletionCheck;
import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.ingest.sync.ProcoreCallCounter;
import io.mlconnector.ingest.sync.Readers;
import io.mlconnector.ingest.sync.TenantSync;
import io.mlconnector.ingest.webhook.ProcoreWebhookListener;
import io.mlconnector.ingest.webhook.ProcoreWebhookRegistration;
import io.mlconnector.procore.CircuitBreakerOptions;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.procore.ProcoreResilience;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.mlconnector.service.config.DeadLetterApiConfiguration;
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.service.kafka.PartitionStalls;
import io.mlconnector.service.kafka.RecordDecoder;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@Import(DeadLetterApiConfiguration.class)
public class IngestConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IngestConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    /** The ApiCallListener hook: every Procore exchange of every tenant's client is counted here. */
    @Bean
    ProcoreCallCounter procoreCallCounter(IngestMetrics metrics) {
        return new ProcoreCallCounter(metrics);
    }

    @Bean
    ProcoreClients procoreClients(WebClient.Builder webClient, Clock clock, ProcoreCallCounter calls,
                                  @Value("${mlc.procore.per-page:100}") int perPage,
                                  @Value("${mlc.procore.circuit-breaker.minimum-calls:10}") int breakerMinimumCalls,
                                  @Value("${mlc.procore.circuit-breaker.open-for:30s}") Duration breakerOpenFor,
                                  MeterRegistry registry) {
        CircuitBreakerOptions breaker = CircuitBreakerOptions.defaults();
        breaker = new CircuitBreakerOptions(Math.max(breaker.slidingWindowSize(), breakerMinimumCalls),
                breakerMinimumCalls, breaker.failureRatePercent(), breakerOpenFor, breaker.halfOpenCalls());
        return new ProcoreClients(webClient, clock, ProcoreClientOptions.defaults().withPerPage(perPage)
                .withCircuitBreaker(breaker),
                calls::listenerFor, new ProcoreResilience().bindTo(registry));
    }

    @Bean
    List<CostDocumentReader> costDocumentReaders() {
        return Readers.all();
    }

    @Bean
    WatermarkStore watermarkStore(MongoDatabase db) {
        return new WatermarkStore(db);
    }

    @Bean
    CostDocumentPublisher costDocumentPublisher(KafkaTemplate<String, CostDocument> kafka, MongoDatabase db) {
        return new CostDocumentPublisher(kafka, new PublishedRevisionStore(db));
    }

    /** Lists each project's ids per document type every interval to find records deleted in Procore (README). */
    @Bean
    DeletionCheck deletionCheck(CostDocumentPublisher publisher, MongoDatabase db, Clock clock,
                                @Value("${mlc.ingest.deletion-check-interval:1h}") Duration interval) {
        return new DeletionCheck(publisher.revisions(), new DeletionCheckStore(db), publisher, interval, clock);
    }

    @Bean
    TenantSync tenantSync(ProcoreClients clients, List<CostDocumentReader> readers, WatermarkStore watermarks,
                          CostDocumentPublisher publisher, ProcoreCallCounter calls, IngestMetrics metrics, Clock clock,
                          @Value("${mlc.ingest.watermark-overlap:2m}") Duration overlap, DeletionCheck deletions) {
        return new TenantSync(clients, readers, watermarks, publisher, calls, metrics, overlap, clock, deletions);
    }

    @Bean
    IngestService ingestService(TenantRegistry tenants, TenantSync sync) {
        return new IngestService(tenants, sync);
    }

    @Bean
    ProcoreWebhookListener procoreWebhookListener(IngestService ingest, TenantSync sync, List<CostDocumentReader> readers,
                                                  RecordDecoder decoder) {
        return new ProcoreWebhookListener(ingest, sync, TenantSync.byType(readers), decoder);
    }

    /**
     * A webhook event whose read fails (Procore down) is retried with back-off for a while, then kept on the
     * dead-letter topic for an SRE: the tenant's reconciliation reads the record anyway, so the partition is not
     * held for longer. Bad events (unreadable, an id that is not a Procore id) go there at once.
     */
    @Bean
    CommonErrorHandler webhookEventErrorHandler(ProducerFactory<?, ?> producers, PartitionStalls stalls,
                                                @Value("${mlc.ingest.webhook-retry-for:10m}") Duration retryFor) {
        return DeadLetters.retryThenDeadLetter(DeadLetters.recoverer(producers, stalls), retryFor);
    }

    @Bean
    @ConditionalOnProperty(name = "mlc.ingest.schedule-enabled", havingValue = "true", matchIfMissing = true)
    TenantSchedules tenantSchedules(IngestService ingest, TaskScheduler scheduler) {
        return new TenantSchedules(ingest, scheduler);
    }

    /** Creates / fixes each tenant's Procore hook; only with a gateway URL to point it at. */
    @Bean
    @ConditionalOnExpression("!'${mlc.ingest.webhook-base-url:}'.isBlank() and ${mlc.ingest.webhook-registration-enabled:true}")
    ProcoreWebhookRegistration procoreWebhookRegistration(TenantRegistry tenants, ProcoreClients clients,
                                                          @Value("${mlc.ingest.webhook-base-url}") String baseUrl,
                                                          @Value("${mlc.ingest.webhook-resources:}") List<String> resources,
                                                          @Value("${mlc.ingest.webhook-registration-timeout:2m}") Duration timeout) {
        return new ProcoreWebhookRegistration(tenants, clients, baseUrl,
                resources.stream().map(String::strip).filter(r -> !r.isEmpty()).toList(), timeout);
    }

    /**
     * At start, every tenant's hook is registered in the background (start-up never waits for Procore); a failure
     * is logged and the reconciliation poll covers the tenant until the next start.
     */
    @Bean
    ApplicationRunner procoreWebhookRegistrationAtStart(ObjectProvider<ProcoreWebhookRegistration> registration,
                                                        @Value("${mlc.ingest.webhook-base-url:}") String baseUrl,
                                                        @Value("${mlc.ingest.webhook-registration-enabled:true}") boolean enabled) {
        return args -> {
            ProcoreWebhookRegistration r = registration.getIfAvailable();
            if (r != null) {
                r.registerAll().subscribe();
            } else if (!enabled) {
                log.info("Procore webhook registration is off (mlc.ingest.webhook-registration-enabled=false); hooks are"
                        + " managed outside the connector, the reconciliation poll catches every change");
            } else {
                log.info("Procore webhook registration is off: mlc.ingest.webhook-base-url is not set (the gateway's"
                        + " public base URL); the reconciliation poll catches every change");
            }
        };
    }
}
