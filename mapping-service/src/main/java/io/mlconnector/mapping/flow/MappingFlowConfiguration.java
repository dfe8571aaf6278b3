package io.mlconnector.mapping.flow;

import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.bc.BcResilience;
import io.mlconnector.mapping.config.ReferenceDataRefresh;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.mapping.validation.BcClientReferenceData;
import io.mlconnector.mapping.validation.ReferenceDataLoader;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.mlconnector.service.config.DeadLetterApiConfiguration;
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.service.kafka.PartitionStalls;
import io.mlconnector.service.kafka.RecordDecoder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the mapping core to Kafka (in and out) and to each tenant's Business Central for reference data. */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(DeadLetterApiConfiguration.class)
public class MappingFlowConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BcClients bcClients(WebClient.Builder webClient, Clock clock, MeterRegistry registry) {
        return new BcClients(webClient, clock, tenantId -> BcClientOptions.defaults(),
                new BcResilience().bindTo(registry));
    }

    @Bean
    ReferenceDataLoader referenceDataLoader(BcClients clients, TenantRegistry tenants, Clock clock,
                                            @Value("${mlc.mapping.bc-timeout:2m}") Duration timeout) {
        return new BcClientReferenceData(tenantId -> clients.forTenant(tenants.byId(tenantId)
                .orElseThrow(() -> new NoSuchElementException("unknown tenant " + tenantId))), clock, timeout);
    }

    @Bean
    MappingOutputPort mappingOutputPort(KafkaTemplate<String, SpecificRecord> kafka) {
        return new KafkaMappingOutput(kafka);
    }

    /**
     * A cost document whose mapping fails (MongoDB or BC unreachable) is retried until it maps: later versions of the
     * same document must not overtake it, and dropping it would lose a cost; past {@code mlc.kafka.stall-after} its
     * partition is reported stalled (readiness DOWN, gauge {@code mlc.kafka.partition.stalled}). A BC notification is
     * retried for {@code mlc.mapping.notification-retry-for}, then dead-lettered: the reference data's TTL refreshes it
     * anyway. Bad records (unreadable, {@code Failures.BAD_DATA}) go to the dead-letter topic at once.
     */
    @Bean
    CommonErrorHandler mappingErrorHandler(ProducerFactory<?, ?> producers, PartitionStalls stalls,
                                           @Value("${mlc.mapping.notification-retry-for:2m}") Duration notificationRetryFor) {
        return DeadLetters.perTopic(DeadLetters.recoverer(producers, stalls),
                java.util.Set.of(io.mlconnector.schemas.Topics.PROCORE_COST_DOCUMENTS), notificationRetryFor);
    }

    @Bean
    CostDocumentListener costDocumentListener(CostDocumentProcessor processor, MeterRegistry meters,
                                              RecordDecoder decoder) {
        return new CostDocumentListener(processor, meters, decoder);
    }

    @Bean
    VendorLinkListener vendorLinkListener(io.mlconnector.mapping.admin.MappingAdministration admin,
                                          RecordDecoder decoder) {
        return new VendorLinkListener(admin, decoder);
    }

    @Bean
    ReferenceDataChangeListener referenceDataChangeListener(ReferenceDataRefresh refresh, RecordDecoder decoder) {
        return new ReferenceDataChangeListener(refresh, decoder);
    }
}
