package io.mlconnector.poster.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.bc.BcCallListener;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.bc.BcResilience;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.flow.PostingRequestListener;
import io.mlconnector.poster.flow.PostingResultPublisher;
import io.mlconnector.poster.metrics.PosterMetrics;
import io.mlconnector.poster.posting.LedgerDocument;
import io.mlconnector.poster.posting.PostingWorkflow;
import io.mlconnector.poster.posting.RetryablePostingException;
import io.mlconnector.poster.posting.invoice.PostedNumberRead;
import io.mlconnector.poster.posting.invoice.PurchaseCreditMemoDocument;
import io.mlconnector.poster.posting.invoice.PurchaseInvoiceDocument;
import io.mlconnector.poster.posting.journal.JournalDocument;
import io.mlconnector.poster.store.PostingRequestArchive;
import io.mlconnector.posting.store.AuditTrail;
import io.mlconnector.posting.store.PostingStateStore;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.mlconnector.service.config.DeadLetterApiConfiguration;
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.service.kafka.FailureKind;
import io.mlconnector.service.kafka.Failures;
import io.mlconnector.service.kafka.PartitionStalls;
import io.mlconnector.service.kafka.RecordDecoder;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(DeadLetterApiConfiguration.class)
public class PosterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PosterConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** BC calls per tenant, so each posting result says what it cost. */
    @Bean
    BcCallCounts bcCallCounts() {
        return new BcCallCounts();
    }

    @Bean
    PosterMetrics posterMetrics(MeterRegistry registry) {
        return new PosterMetrics(registry);
    }

    @Bean
    BcClients bcClients(WebClient.Builder webClient, Clock clock, BcCallCounts counts, PosterMetrics metrics,
                        @Value("${mlc.bc.max-concurrent-requests:5}") int maxConcurrent, MeterRegistry registry) {
        return new BcClients(webClient, clock, tenantId -> {
            BcCallListener meter = metrics.bcCalls(tenantId);
            return BcClientOptions.defaults()
                    .withMaxConcurrentRequests(maxConcurrent)
                    .withListener(call -> {
                        counts.of(tenantId).incrementAndGet();
                        meter.onCall(call);
                    });
        }, new BcResilience().bindTo(registry));
    }

    @Bean
    PostingStateStore postingStateStore(MongoDatabase db, Clock clock) {
        return new PostingStateStore(db, clock);
    }

    @Bean
    AuditTrail auditTrail(MongoDatabase db, Clock clock) {
        return new AuditTrail(db, clock);
    }

    @Bean
    PostingRequestArchive postingRequestArchive(MongoDatabase db) {
        return new PostingRequestArchive(db);
    }

    @Bean
    List<LedgerDocument> ledgerDocuments(@Value("${mlc.poster.journal-code:PROCORE}") String journalCode,
                                         @Value("${mlc.poster.bc-timeout:10m}") Duration timeout,
                                         @Value("${mlc.poster.posted-number-read:WITH_POST}") PostedNumberRead numberRead) {
        return List.of(new PurchaseInvoiceDocument(timeout, numberRead), new PurchaseCreditMemoDocument(timeout, numberRead),
                new JournalDocument(journalCode, timeout));
    }

    @Bean
    PostingWorkflow postingWorkflow(TenantRegistry tenants, BcClients clients, List<LedgerDocument> documents,
                                    PostingStateStore store, AuditTrail audit, BcCallCounts counts, Clock clock,
                                    PosterMetrics metrics) {
        return new PostingWorkflow(tenants, clients, documents, store, audit, id -> counts.of(id).get(), clock,
                metrics::posting);
    }

    @Bean
    PostingResultPublisher postingResultPublisher(KafkaTemplate<String, PostingResult> kafka) {
        return new PostingResultPublisher(kafka);
    }

    @Bean
    PostingRequestListener postingRequestListener(PostingWorkflow workflow, PostingRequestArchive archive,
                                                  PostingResultPublisher results, RecordDecoder decoder) {
        return new PostingRequestListener(workflow, archive, results, decoder);
    }

    /**
     * Transient BC trouble: redeliver with exponential back-off; when attempts run out the posting is marked
     * FAILED and a FAILED result is published (an operator replays it). A bad record (unreadable, no posting key:
     * {@code Failures.BAD_DATA}) is not retried — no retry can fix it — but kept on the dead-letter topic. When even
     * giving up fails (MongoDB unreachable) the request is retried until it can be recorded, and past
     * {@code mlc.kafka.stall-after} its partition is reported stalled (readiness DOWN, gauge
     * {@code mlc.kafka.partition.stalled}).
     */
    @Bean
    CommonErrorHandler postingErrorHandler(PostingWorkflow workflow, PostingResultPublisher results,
                                           ProducerFactory<?, ?> producers, PartitionStalls stalls, RecordDecoder decoder,
                                           @Value("${mlc.poster.max-attempts:6}") int maxAttempts) {
        ConsumerRecordRecoverer deadLetters = DeadLetters.recoverer(producers, stalls);
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(60_000);
        backOff.setMaxAttempts(maxAttempts - 1);
        @SuppressWarnings("unchecked")
        DefaultErrorHandler handler = DeadLetters.handler((ConsumerRecord<?, ?> record, Exception e) -> {
            if (Failures.kind(e) == FailureKind.BAD_DATA) {
                deadLetters.accept(record, e);
                return;
            }
            PostingRequest request = decoder.value((ConsumerRecord<byte[], byte[]>) record, PostingRequest.class);
            log.error("giving up on posting {} after {} attempts: {}", request.getPostingKey(), maxAttempts, e.toString());
            // the recoverer runs on the consumer thread (not an event loop): it waits until the FAILED state is
            // stored and the result published, before the offset moves on
            workflow.giveUp(request, e.getCause() != null ? e.getCause() : e).flatMap(results::publish).block();
            stalls.movedAside(record);
        }, backOff);
        handler.addRetryableExceptions(RetryablePostingException.class);
        return handler;
    }

    public static final class BcCallCounts {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

        public AtomicLong of(String tenantId) {
            return counts.computeIfAbsent(tenantId, id -> new AtomicLong());
        }
    }
}
