package io.mlconnector.mapping.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.InProcessMongo;
import io.mlconnector.mapping.fixtures.RecordingOutput;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.PostingTreatment;
import io.mlconnector.mapping.store.MongoMappingRuleStore;
import io.mlconnector.mapping.validation.ReferenceDataLoader;
import io.mlconnector.oauth.Secret;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.DimensionCodes;
import io.mlconnector.tenant.DocumentType;
import io.mlconnector.tenant.PolicyAccounts;
import io.mlconnector.tenant.PostingPolicy;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.tenant.Treatment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The mapping reads a tenant's accounts, dimension codes and treatments from the tenants file, never from a
 * default chart: a tenant whose chart differs from the demo's posts to its own numbers.
 */
class TenantSettingsComeFromTheTenantsFileTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void close() {
        mongo.close();
    }

    private static Tenant northwind() {
        PostingPolicy policy = new PostingPolicy(Map.of(DocumentType.COMMITMENT, Treatment.DO_NOT_POST),
                new PolicyAccounts("21500", "21700", "21600", "19100", "19150", "49100", "49150"), "procore",
                new DimensionCodes("JOB", "jobtask", "COSTTYPE"));
        return new Tenant("northwind", null,
                new BcSettings("contoso.onmicrosoft.com", "Production", UUID.randomUUID(), "app", Secret.of("s")),
                new ProcoreSettings(562949953421312L, "app", Secret.of("s")),
                Secret.of("w"), Secret.of("c"), null, policy);
    }

    private static TenantRegistry registry(Tenant tenant) {
        return new TenantRegistry() {
            @Override
            public List<Tenant> all() {
                return List.of(tenant);
            }

            @Override
            public Optional<Tenant> byId(String tenantId) {
                return tenant.id().equals(tenantId) ? Optional.of(tenant) : Optional.empty();
            }
        };
    }

    @Test
    void theTenantsOwnAccountsCodesAndTreatmentsAreUsed() {
        var settings = new TenantFileSettings(registry(northwind())).forTenant("northwind");

        assertThat(settings.accounts().retainagePayable()).isEqualTo("21500");
        assertThat(settings.accounts().expenseClearing()).isEqualTo("21700");
        assertThat(settings.accounts().contractValueContra()).isEqualTo("49150");
        assertThat(settings.accounts().journalCode()).isEqualTo("PROCORE");
        assertThat(settings.dimensionCodes().project()).isEqualTo("JOB");
        assertThat(settings.dimensionCodes().costCode()).isEqualTo("JOBTASK");
        assertThat(settings.policy().treatmentFor(DocumentCategory.COMMITMENT)).isEqualTo(PostingTreatment.SKIP);
        assertThat(settings.policy().treatmentFor(DocumentCategory.REQUISITION)).isEqualTo(PostingTreatment.PURCHASE_INVOICE);
    }

    @Test
    void aTenantNotInTheFileGetsNoOneElsesAccounts() {
        assertThatThrownBy(() -> new TenantFileSettings(registry(northwind())).forTenant("harbor-ridge"))
                .hasMessageContaining("tenant 'harbor-ridge' is not in the tenants file");
    }

    @Test
    void beansWireWithTheTenantRegistryAndTheSeedFillsAnEmptyTenant() {
        new ApplicationContextRunner()
                .withUserConfiguration(MappingServiceConfiguration.class)
                .withBean(MongoDatabase.class, mongo::database)
                .withBean(MappingOutputPort.class, RecordingOutput::new)
                .withBean(TenantRegistry.class, () -> registry(northwind()))
                .withBean(ReferenceDataLoader.class, () -> tenant -> Mono.just(HarborRidge.snapshot(Instant.now())))
                .withPropertyValues(
                        "mlc.mapping.reference-data-ttl=5m",
                        "mlc.mapping.seed.harbor-ridge=../demo-data/mapping/harbor-ridge.csv")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CostDocumentProcessor.class);
                    context.getBean(org.springframework.boot.ApplicationRunner.class).run(null);
                    assertThat(context.getBean(MongoMappingRuleStore.class).ruleSet("harbor-ridge").block().rules()).hasSize(8);
                });
    }
}
