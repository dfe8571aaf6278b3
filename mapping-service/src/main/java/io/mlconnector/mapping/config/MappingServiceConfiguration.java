package io.mlconnector.mapping.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.mapping.core.CostDocumentMapper;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.ExceptionRedriver;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.mapping.policy.PostingStrategies;
import io.mlconnector.mapping.store.MongoMappingExceptionStore;
import io.mlconnector.mapping.store.MongoMappingRuleStore;
import io.mlconnector.mapping.store.MongoVendorLinkStore;
import io.mlconnector.mapping.validation.CachedBcReferenceData;
import io.mlconnector.mapping.validation.ReferenceDataLoader;
import io.mlconnector.mapping.validation.ReferenceValidator;
import io.mlconnector.tenant.TenantRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mapping core as beans. Expected from elsewhere (the lead's wiring): a {@link MappingOutputPort} (Kafka),
 * a {@link ReferenceDataLoader} (BC, see BcClientReferenceData), the {@link TenantRegistry}, and optionally a {@link MongoDatabase}
 * (otherwise one is opened from mlc.mapping.mongo-uri / mongo-database) and a {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MappingProperties.class)
public class MappingServiceConfiguration {

    @Bean
    MappingDatabase mappingDatabase(ObjectProvider<MongoDatabase> shared, MappingProperties properties) {
        MongoDatabase database = shared.getIfAvailable();
        if (database != null) {
            return new MappingDatabase(database, null);
        }
        MongoClient client = MongoClients.create(properties.mongoUri());
        return new MappingDatabase(client.getDatabase(properties.mongoDatabase()), client);
    }

    @Bean
    MongoMappingRuleStore mappingRuleStore(MappingDatabase db, ObjectProvider<Clock> clock) {
        return new MongoMappingRuleStore(db.database(), clock(clock));
    }

    @Bean
    MongoVendorLinkStore vendorLinkStore(MappingDatabase db) {
        return new MongoVendorLinkStore(db.database());
    }

    @Bean
    MongoMappingExceptionStore mappingExceptionStore(MappingDatabase db, ObjectProvider<Clock> clock,
                                                     MappingProperties properties) {
        return new MongoMappingExceptionStore(db.database(), clock(clock), properties.redriveClaimTimeout());
    }

    @Bean
    CachedBcReferenceData bcReferenceData(ReferenceDataLoader loader, MappingProperties properties,
                                          ObjectProvider<Clock> clock) {
        return new CachedBcReferenceData(loader, properties.referenceDataTtl(), properties.referenceDataMissRefresh(),
                clock(clock));
    }

    @Bean
    CostDocumentMapper costDocumentMapper(MongoMappingRuleStore rules, MongoVendorLinkStore links,
                                          CachedBcReferenceData bc, TenantRegistry tenants,
                                          ObjectProvider<Clock> clock) {
        return new CostDocumentMapper(rules, links, new TenantFileSettings(tenants), new ReferenceValidator(bc),
                PostingStrategies.standard(), clock(clock));
    }

    @Bean
    CostDocumentProcessor costDocumentProcessor(CostDocumentMapper mapper, MongoMappingExceptionStore exceptions,
                                                MappingOutputPort output, ObjectProvider<Clock> clock) {
        return new CostDocumentProcessor(mapper, exceptions, output, clock(clock));
    }

    @Bean
    ExceptionRedriver exceptionRedriver(CostDocumentMapper mapper, MongoMappingExceptionStore exceptions,
                                        MappingOutputPort output, ObjectProvider<Clock> clock) {
        return new ExceptionRedriver(mapper, exceptions, output, clock(clock));
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
        return args -> new RuleSeeder(rules).seed(properties.seed());
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    /** The database the mapping stores use, and the client to close when this configuration opened it. */
    record MappingDatabase(MongoDatabase database, MongoClient ownedClient) implements AutoCloseable {
        @Override
        public void close() {
            if (ownedClient != null) {
                ownedClient.close();
            }
        }
    }
}
