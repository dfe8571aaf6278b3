package io.mlconnector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules ({@link ModuleBoundaries}) over the main classes of every module: the five services, the libs, the
 * sandboxes, local-run, the local schema registry and schemas. Test classes are not checked (tests may start
 * sandboxes, start the local schema registry and open collections).
 */
@AnalyzeClasses(packages = "io.mlconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule servicesDoNotImportEachOther = ModuleBoundaries.SERVICES_DO_NOT_IMPORT_EACH_OTHER;

    @ArchTest
    static final ArchRule onlyLocalRunTouchesTheSandboxes = ModuleBoundaries.ONLY_LOCAL_RUN_TOUCHES_THE_SANDBOXES;

    @ArchTest
    static final ArchRule onlyLocalRunUsesTheLocalRegistry = ModuleBoundaries.ONLY_LOCAL_RUN_USES_THE_LOCAL_REGISTRY;

    @ArchTest
    static final ArchRule schemasHoldOnlyWhatASubscriberNeeds = ModuleBoundaries.SCHEMAS_HOLD_ONLY_WHAT_A_SUBSCRIBER_NEEDS;

    @ArchTest
    static final ArchRule gatewayUsesNoApiClient = ModuleBoundaries.GATEWAY_USES_NO_API_CLIENT;

    @ArchTest
    static final ArchRule onlyStoresTouchTheMongoDbDriver = ModuleBoundaries.ONLY_STORES_TOUCH_THE_MONGODB_DRIVER;

    @ArchTest
    static final ArchRule configurationOnlyHandsTheDatabaseToStores =
            ModuleBoundaries.CONFIGURATION_ONLY_HANDS_THE_DATABASE_TO_STORES;

    /** A rule over classes that were not imported passes without checking anything: every module must be seen. */
    @ArchTest
    static void everyModuleIsImported(JavaClasses classes) {
        assertThat(classes.stream().map(JavaClass::getPackageName).map(ModuleBoundariesTest::root).distinct())
                .contains("io.mlconnector.gateway", "io.mlconnector.ingest", "io.mlconnector.mapping",
                        "io.mlconnector.poster", "io.mlconnector.vendorsync", "io.mlconnector.local",
                        "io.mlconnector.sandbox", "io.mlconnector.bc", "io.mlconnector.procore",
                        "io.mlconnector.posting", "io.mlconnector.service", "io.mlconnector.schemas",
                        "io.mlconnector.events", "io.mlconnector.localregistry")
                .doesNotContain("io.mlconnector.architecture");
    }

    private static String root(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length < 3 ? packageName : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
