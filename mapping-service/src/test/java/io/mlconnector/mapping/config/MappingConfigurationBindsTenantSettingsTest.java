package io.mlconnector.mapping.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.mlconnector.mapping.core.CostDocumentProcessor;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.InProcessMongo;
import io.mlconnector.mapping.fixtures.RecordingOutput;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.PostingTreatment;
import io.mlconnector.mapping.store.MongoMappingRuleStore;
import io.mlconnector.mapping.validation.ReferenceDataLoader;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans wire from properties (tenant settings, seed file) with only the lead's ports supplied. */
class MappingConfigurationBindsTenantSettingsTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void tenantSettingsBindAndSeedFillsAnEmptyTenant() {
        new ApplicationContextRunner()
                .withUserConfiguration(MappingServiceConfiguration.class)
                .withBean(MongoDatabase.class, mongo::database)
                .withBean(MappingOutputPort.class, RecordingOutput::new)
                .withBean(ReferenceDataLoader.class, () -> tenant -> HarborRidge.snapshot(Instant.now()))
                .withPropertyValues(
                        "mlc.mapping.reference-data-ttl=5m",
                        "mlc.mapping.tenants.harbor-ridge.accounts.retainage-payable=2125",
                        "mlc.mapping.tenants.harbor-ridge.dimension-codes.cost-code=jobtask",
                        "mlc.mapping.tenants.harbor-ridge.policy.COMMITMENT=SKIP",
                        "mlc.mapping.seed.harbor-ridge=../demo-data/mapping/harbor-ridge.csv")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CostDocumentProcessor.class);
                    MappingProperties properties = context.getBean(MappingProperties.class);
                    var settings = properties.settingsProvider().forTenant("harbor-ridge");
                    assertThat(settings.accounts().retainagePayable()).isEqualTo("2125");
                    assertThat(settings.accounts().expenseClearing()).isEqualTo("2140");
                    assertThat(settings.dimensionCodes().costCode()).isEqualTo("JOBTASK");
                    assertThat(settings.dimensionCodes().project()).isEqualTo("PROJECT");
                    assertThat(settings.policy().treatmentFor(DocumentCategory.COMMITMENT)).isEqualTo(PostingTreatment.SKIP);
                    assertThat(settings.policy().treatmentFor(DocumentCategory.REQUISITION))
                            .isEqualTo(PostingTreatment.PURCHASE_INVOICE);
                    assertThat(properties.settingsProvider().forTenant("other").accounts().retainagePayable())
                            .isEqualTo("2120");
                    context.getBean(org.springframework.boot.ApplicationRunner.class).run(null);
                    assertThat(context.getBean(MongoMappingRuleStore.class).ruleSet("harbor-ridge").rules()).hasSize(8);
                });
    }
}
