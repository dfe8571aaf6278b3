package io.mlconnector.mapping.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.mapping.core.CostDocumentMapper;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.DocumentMapping;
import io.mlconnector.mapping.core.ExceptionRedriver;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.mapping.policy.PostingStrategies;
import io.mlconnector.mapping.store.MongoMappingExceptionStore;
import io.mlconnector.mapping.store.MongoMappingRuleStore;
import io.mlconnector.mapping.store.MongoVendorLinkStore;
import io.mlconnector.mapping.validation.CachedBcReferenceData;
import io.mlconnector.mapping.validation.ReferenceDataLoader;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mapping core as beans. Expected from elsewhere: a {@link MappingOutputPort} (Kafka), a
 * {@link ReferenceDataLoader} (BC, see BcClientReferenceData), the {@link TenantRegistry}, the reactive
 * {@link MongoDatabase} ({@code reactiveMongoDatabase}, from {@code mlc.mongodb.*}) and optionally a {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MappingProperties.class)
public class MappingServiceConfiguration {

    @Bean
    MongoMappingRuleStore mappingRuleStore(MongoDatabase reactiveMongoDatabase, ObjectProvider<Clock> clock) {
        return new MongoMappingRuleStore(reactiveMongoDatabase, clock(clock));
    }

    /** Its index is created at start, on the starting thread (a store that cannot be reached fails the start). */
    @Bean
    MongoVendorLinkStore vendorLinkStore(MongoDatabase reactiveMongoDatabase) {
        MongoVendorLinkStore store = new MongoVendorLinkStore(reactiveMongoDatabase);
        store.createIndexes().block();
        return store;
    }

    /** Its index is created at start, on the starting thread (a store that cannot be reached fails the start). */
    @Bean
    MongoMappingExceptionStore mappingExceptionStore(MongoDatabase reactiveMongoDatabase, ObjectProvider<Clock> clock,
                                                     MappingProperties properties) {
        MongoMappingExceptionStore store = new MongoMappingExceptionStore(reactiveMongoDatabase, clock(clock),
                properties.redriveClaimTimeout());
        store.createIndexes().block();
        return store;
    }

    @Bean
    CachedBcReferenceData bcReferenceData(ReferenceDataLoader loader, MappingProperties properties,
                                          ObjectProvider<Clock> clock) {
        return new CachedBcReferenceData(loader, properties.referenceDataTtl(), properties.referenceDataMissRefresh(),
                clock(clock));
    }

    @Bean
    CostDocumentMapper costDocumentMapper(TenantRegistry tenants, ObjectProvider<Clock> clock) {
        return new CostDocumentMapper(new TenantFileSettings(tenants), PostingStrategies.standard(), clock(clock));
    }

    @Bean
    DocumentMapping documentMapping(CostDocumentMapper mapper, MongoMappingRuleStore rules, MongoVendorLinkStore links,
                                    CachedBcReferenceData bc) {
        return new DocumentMapping(mapper, rules, links, bc);
    }

    @Bean
    CostDocumentProcessor costDocumentProcessor(DocumentMapping mapping, MongoMappingExceptionStore exceptions,
                                                MappingOutputPort output, ObjectProvider<Clock> clock) {
        return new CostDocumentProcessor(mapping, exceptions, output, clock(clock));
    }

    @Bean
    ExceptionRedriver exceptionRedriver(DocumentMapping mapping, MongoMappingExceptionStore exceptions,
                                        MappingOutputPort output, ObjectProvider<Clock> clock) {
        return new ExceptionRedriver(mapping, exceptions, output, clock(clock));
    }

    @Bean(destroyMethod = "close")
    io.mlconnector.mapping.core.RedriveJobs redriveJobs(ObjectProvider<Clock> clock) {
        return new io.mlconnector.mapping.core.RedriveJobs(2, clock(clock));
    }

    @Bean
    MappingAdministration mappingAdministration(MongoMappingRuleStore rules, MongoVendorLinkStore links,
                                                MongoMappingExceptionStore exceptions, CachedBcReferenceData bc,
                                                ExceptionRedriver redriver) {
        return new MappingAdministration(rules, links, exceptions, bc, redriver);
    }

    @Bean
    ReferenceDataRefresh referenceDataRefresh(CachedBcReferenceData bc, ExceptionRedriver redriver) {
        return new ReferenceDataRefresh(bc, redriver);
    }

    @Bean
    ApplicationRunner mappingRuleSeeder(MongoMappingRuleStore rules, MappingProperties properties) {
        return args -> new RuleSeeder(rules).seed(properties.seed()).block(); // at start, on the main thread
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

}
