package io.mlconnector.mapping.flow;

import io.mlconnector.bc.BcClientOptions;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the mapping core to Kafka (in and out) and to each tenant's Business Central for reference data. */
@Configuration(proxyBeanMethods = false)
public class MappingFlowConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BcClients bcClients(WebClient.Builder webClient, Clock clock) {
        return new BcClients(webClient, clock, tenantId -> BcClientOptions.defaults());
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

    @Bean
    CostDocumentListener costDocumentListener(CostDocumentProcessor processor, MeterRegistry meters) {
        return new CostDocumentListener(processor, meters);
    }

    @Bean
    ReferenceDataChangeListener referenceDataChangeListener(ReferenceDataRefresh refresh) {
        return new ReferenceDataChangeListener(refresh);
    }
}
