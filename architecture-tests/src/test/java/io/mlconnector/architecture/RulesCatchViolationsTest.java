package io.mlconnector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.mlconnector.gateway.archfixture.GatewayCallsBc;
import io.mlconnector.gateway.archfixture.GatewayParsesANotification;
import io.mlconnector.gateway.archfixture.GatewayStartsALocalRegistry;
import io.mlconnector.ingest.archfixture.IngestStartsASandbox;
import io.mlconnector.local.archfixture.LocalRunStartsTheRegistry;
import io.mlconnector.mapping.archfixture.PartStore;
import io.mlconnector.mapping.archfixture.QueriesOutsideStores;
import io.mlconnector.mapping.archfixture.QueryingConfiguration;
import io.mlconnector.mapping.archfixture.WiringConfiguration;
import io.mlconnector.poster.archfixture.PosterReadsMappingClasses;
import io.mlconnector.schemas.archfixture.SchemasReadsARecord;
import io.mlconnector.schemas.archfixture.SchemasServesHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ModuleBoundaries} fails on a deliberate violation (the classes in the {@code archfixture}
 * packages of this module's tests, which {@link ModuleBoundariesTest} does not import) and lets the allowed case
 * pass: a rule that cannot fail guards nothing.
 */
class RulesCatchViolationsTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importClasses(
            PosterReadsMappingClasses.class, IngestStartsASandbox.class, GatewayCallsBc.class,
            GatewayParsesANotification.class, QueriesOutsideStores.class, PartStore.class,
            QueryingConfiguration.class, WiringConfiguration.class, GatewayStartsALocalRegistry.class,
            LocalRunStartsTheRegistry.class, SchemasServesHttp.class, SchemasReadsARecord.class);

    @Test
    void aServiceUsingAnotherServicesClassFails() {
        assertThat(violations(ModuleBoundaries.SERVICES_DO_NOT_IMPORT_EACH_OTHER))
                .anyMatch(v -> v.contains(PosterReadsMappingClasses.class.getName())
                        && v.contains("KnownDimensionValues"))
                .noneMatch(v -> v.contains(GatewayParsesANotification.class.getName()));
    }

    @Test
    void mainCodeHoldingASandboxFails() {
        assertThat(violations(ModuleBoundaries.ONLY_LOCAL_RUN_TOUCHES_THE_SANDBOXES))
                .anyMatch(v -> v.contains(IngestStartsASandbox.class.getName()) && v.contains("ProcoreSandbox"));
    }

    @Test
    void mainCodeHoldingTheLocalRegistryFails() {
        assertThat(violations(ModuleBoundaries.ONLY_LOCAL_RUN_USES_THE_LOCAL_REGISTRY))
                .anyMatch(v -> v.contains(GatewayStartsALocalRegistry.class.getName())
                        && v.contains("InProcessSchemaRegistry"))
                .noneMatch(v -> v.contains(LocalRunStartsTheRegistry.class.getName()));
    }

    @Test
    void aServerInSchemasFails() {
        assertThat(violations(ModuleBoundaries.SCHEMAS_HOLD_ONLY_WHAT_A_SUBSCRIBER_NEEDS))
                .anyMatch(v -> v.contains(SchemasServesHttp.class.getName()) && v.contains("DisposableServer"))
                .noneMatch(v -> v.contains(SchemasReadsARecord.class.getName()));
    }

    @Test
    void theGatewayHoldingAnApiClientFails() {
        assertThat(violations(ModuleBoundaries.GATEWAY_USES_NO_API_CLIENT))
                .anyMatch(v -> v.contains(GatewayCallsBc.class.getName()) && v.contains("BcClient"))
                .noneMatch(v -> v.contains(GatewayParsesANotification.class.getName()));
    }

    @Test
    void aCollectionOpenedOutsideAStoreFails() {
        assertThat(violations(ModuleBoundaries.ONLY_STORES_TOUCH_THE_MONGODB_DRIVER))
                .anyMatch(v -> v.contains(QueriesOutsideStores.class.getName()))
                .noneMatch(v -> v.contains(PartStore.class.getName()))
                .noneMatch(v -> v.contains(WiringConfiguration.class.getName()));
    }

    @Test
    void aConfigurationClassOpeningACollectionFails() {
        assertThat(violations(ModuleBoundaries.CONFIGURATION_ONLY_HANDS_THE_DATABASE_TO_STORES))
                .anyMatch(v -> v.contains(QueryingConfiguration.class.getName()) && v.contains("MongoCollection"))
                .noneMatch(v -> v.contains(WiringConfiguration.class.getName()));
    }

    @Test
    void everyRuleSaysHowToFixAViolation() {
        ModuleBoundaries.all().forEach(rule -> assertThat(rule.getDescription()).contains(", because "));
    }

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }
}
