package io.mlconnector.ingest.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.CostDocument;
import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.ingest.publish.CostDocumentPublisher;
import io.mlconnector.ingest.schedule.TenantSchedules;
import io.mlconnector.ingest.state.PublishedRevisionStore;
import io.mlconnector.ingest.state.WatermarkStore;
import io.mlconnector.ingest.sync.CostDocumentReader;
import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.ingest.sync.ProcoreCallCounter;
import io.mlconnector.ingest.sync.Readers;
import io.mlconnector.ingest.sync.TenantSync;
import io.mlconnector.ingest.webhook.ProcoreWebhookListener;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.mlconnector.service.kafka.DeadLetters;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

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
                                  @Value("${mlc.procore.per-page:100}") int perPage) {
        return new ProcoreClients(webClient, clock, ProcoreClientOptions.defaults().withPerPage(perPage),
                calls::listenerFor);
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

    @Bean
    TenantSync tenantSync(ProcoreClients clients, List<CostDocumentReader> readers, WatermarkStore watermarks,
                          CostDocumentPublisher publisher, ProcoreCallCounter calls, IngestMetrics metrics, Clock clock,
                          @Value("${mlc.ingest.watermark-overlap:2m}") Duration overlap) {
        return new TenantSync(clients, readers, watermarks, publisher, calls, metrics, overlap, clock);
    }

    @Bean
    IngestService ingestService(TenantRegistry tenants, TenantSync sync) {
        return new IngestService(tenants, sync);
    }

    @Bean
    ProcoreWebhookListener procoreWebhookListener(IngestService ingest, TenantSync sync, List<CostDocumentReader> readers) {
        return new ProcoreWebhookListener(ingest, sync, TenantSync.byType(readers));
    }

    /**
     * A webhook event whose read fails (Procore down) is retried with back-off for a while, then kept on the
     * dead-letter topic for an SRE: the tenant's reconciliation reads the record anyway, so the partition is not
     * held for longer. Unreadable records go there at once.
     */
    @Bean
    CommonErrorHandler webhookEventErrorHandler(ProducerFactory<?, ?> producers,
                                                @Value("${mlc.ingest.webhook-retry-for:10m}") Duration retryFor) {
        return DeadLetters.retryThenDeadLetter(DeadLetters.recoverer(producers), retryFor);
    }

    @Bean
    @ConditionalOnProperty(name = "mlc.ingest.schedule-enabled", havingValue = "true", matchIfMissing = true)
    TenantSchedules tenantSchedules(IngestService ingest, TaskScheduler scheduler) {
        return new TenantSchedules(ingest, scheduler);
    }
}
