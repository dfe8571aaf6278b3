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
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.procore.ProcoreResilience;
import io.mlconnector.service.config.ProcoreApiProperties;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.mlconnector.service.config.DeadLetterApiConfiguration;
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.service.lease.ScheduleLease;
import io.mlconnector.service.lease.ScheduleLeaseConfiguration;
import io.mlconnector.service.kafka.PartitionStalls;
import io.mlconnector.service.kafka.RecordDecoder;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@Import({DeadLetterApiConfiguration.class, ScheduleLeaseConfiguration.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties({IngestProperties.class, ProcoreApiProperties.class})
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
                                  ProcoreApiProperties procoreApi, MeterRegistry registry) {
        return new ProcoreClients(webClient, clock, procoreApi.applyTo(ProcoreClientOptions.defaults()),
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
                                IngestProperties properties) {
        return new DeletionCheck(publisher.revisions(), new DeletionCheckStore(db), publisher,
                properties.deletionCheckInterval(), clock);
    }

    @Bean
    TenantSync tenantSync(ProcoreClients clients, List<CostDocumentReader> readers, WatermarkStore watermarks,
                          CostDocumentPublisher publisher, ProcoreCallCounter calls, IngestMetrics metrics, Clock clock,
                          IngestProperties properties, DeletionCheck deletions) {
        return new TenantSync(clients, readers, watermarks, publisher, calls, metrics, properties.watermarkOverlap(),
                clock, deletions);
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
                                                IngestProperties properties) {
        return DeadLetters.retryThenDeadLetter(DeadLetters.recoverer(producers, stalls), properties.webhookRetryFor());
    }

    @Bean
    @ConditionalOnProperty(name = "mlc.ingest.schedule-enabled", havingValue = "true", matchIfMissing = true)
    TenantSchedules tenantSchedules(IngestService ingest, TaskScheduler scheduler, ScheduleLease lease) {
        return new TenantSchedules(ingest, scheduler, lease);
    }

    /**
     * At start, every tenant's hook is created or fixed in the background (start-up never waits for Procore), only
     * with a gateway URL to point it at; a failure is logged and the reconciliation poll covers the tenant until the
     * next start.
     */
    @Bean
    ApplicationRunner procoreWebhookRegistrationAtStart(TenantRegistry tenants, ProcoreClients clients,
                                                        IngestProperties properties) {
        return args -> {
            if (properties.registersWebhooks()) {
                new ProcoreWebhookRegistration(tenants, clients, properties.webhookBaseUrl(),
                        properties.webhookResources(), properties.webhookRegistrationTimeout()).registerAll().subscribe();
            } else if (!properties.webhookRegistrationEnabled()) {
                log.info("Procore webhook registration is off (mlc.ingest.webhook-registration-enabled=false); hooks are"
                        + " managed outside the connector, the reconciliation poll catches every change");
            } else {
                log.info("Procore webhook registration is off: mlc.ingest.webhook-base-url is not set (the gateway's"
                        + " public base URL); the reconciliation poll catches every change");
            }
        };
    }
}
