package io.mlconnector.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.mlconnector.service.config.MongoClientConfiguration;
import io.mlconnector.service.health.MongoHealthIndicator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;

/**
 * The rules between the modules, checked on their compiled main classes. Each {@code because} says how to fix a
 * violation. {@link ModuleBoundariesTest} runs them over the whole connector; {@link RulesCatchViolationsTest} shows
 * each one fails on a deliberate violation.
 */
final class ModuleBoundaries {

    /** The root package of each of the five services (webhook-gateway, procore-ingest, mapping-service, ...). */
    static final List<String> SERVICES = List.of(
            "io.mlconnector.gateway", "io.mlconnector.ingest", "io.mlconnector.mapping", "io.mlconnector.poster",
            "io.mlconnector.vendorsync");

    static final ArchRule SERVICES_DO_NOT_IMPORT_EACH_OTHER = classes()
            .that().resideInAnyPackage(SERVICES.stream().map(p -> p + "..").toArray(String[]::new))
            .should(notDependOnAnotherService())
            .because("the services meet only on Kafka topics (the schemas module) and through the shared libs: a class "
                    + "two services need moves to a lib (libs/*) or, if it is part of an event, to schemas; data "
                    + "another service owns is read from its topic, never from its classes");

    static final ArchRule ONLY_LOCAL_RUN_TOUCHES_THE_SANDBOXES = noClasses()
            .that().resideOutsideOfPackages("io.mlconnector.local..", "io.mlconnector.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("io.mlconnector.sandbox..")
            .because("the sandboxes stand in for Procore and Business Central on one machine: a service reaches them "
                    + "only over HTTP through its API client, pointed at the sandbox's base URL by configuration; start "
                    + "a sandbox from local-run or from a test (test scope), never from main code");

    static final ArchRule ONLY_LOCAL_RUN_USES_THE_LOCAL_REGISTRY = noClasses()
            .that().resideOutsideOfPackages("io.mlconnector.local..", "io.mlconnector.localregistry..")
            .should().dependOnClassesThat().resideInAPackage("io.mlconnector.localregistry..")
            .because("the in-process schema registry and its HTTP server (libs/local-schema-registry) stand in for a "
                    + "Schema Registry on one machine: a service reaches the registry through the serde, its address "
                    + "in schema.registry.url; start the local registry from local-run or from a test (test scope, "
                    + "inprocess://<name>), never from main code");

    /** What a subscriber's classpath gets from schemas: Avro, the Kafka client API, Jackson (the REST client), the JDK. */
    static final ArchRule SCHEMAS_HOLD_ONLY_WHAT_A_SUBSCRIBER_NEEDS = classes()
            .that().resideInAnyPackage("io.mlconnector.schemas..", "io.mlconnector.events..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.apache.avro..",
                    "org.apache.kafka..", "tools.jackson..", "io.mlconnector.schemas..", "io.mlconnector.events..")
            .because("other systems depend on schemas to read the topics, so it carries the contracts, the serde and "
                    + "its registry client only: a server, a framework or a connector class belongs in a lib (the "
                    + "local registry is libs/local-schema-registry), and a new registry scheme plugs in as a "
                    + "SchemaRegistryProvider from its own jar");

    static final ArchRule GATEWAY_USES_NO_API_CLIENT = noClasses()
            .that().resideInAPackage("io.mlconnector.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlconnector.bc..", "io.mlconnector.procore..")
            .because("the gateway verifies a webhook delivery, publishes it and answers within the sender's timeout; "
                    + "reading the records a delivery names is procore-ingest's and vendor-sync's work, so publish the "
                    + "event and let them read (a pure parser of the delivery itself belongs with the gateway or, "
                    + "like BcNotificationResource, in schemas); the gateway's classpath holds neither API client");

    /**
     * A store: a class named {@code …Store}, or any class in a {@code store} package (mapping-service,
     * libs/posting-store, bc-poster), with the classes nested in it. The services name their stores so:
     * {@code DeliveryDedupeStore}, {@code WatermarkStore}, {@code SyncStateStore}, {@code PostingStateStore}, ...
     */
    static final DescribedPredicate<JavaClass> STORES = DescribedPredicate.describe(
            "stores (a class named ...Store, or in a store package)",
            javaClass -> isStore(outermost(javaClass)));

    /**
     * Where the driver itself is set up, in libs/service-support: the client and its settings (write concern,
     * timeouts) and the readiness check that pings the database. They open no collection.
     */
    static final DescribedPredicate<JavaClass> DRIVER_SETUP = type(MongoClientConfiguration.class)
            .or(type(MongoHealthIndicator.class))
            .as("the driver's setup in service-support (MongoClientConfiguration, MongoHealthIndicator)");

    static final ArchRule ONLY_STORES_TOUCH_THE_MONGODB_DRIVER = noClasses()
            .that(are(not(STORES))).and(are(not(DRIVER_SETUP))).and().areNotAnnotatedWith(Configuration.class)
            .should().dependOnClassesThat().resideInAPackage("com.mongodb..")
            .because("each collection's documents, indexes and queries live in one place, its store: move the query "
                    + "into a store (a class named ...Store, or in the module's store package) and call the store");

    static final ArchRule CONFIGURATION_ONLY_HANDS_THE_DATABASE_TO_STORES = noClasses()
            .that().areAnnotatedWith(Configuration.class).and(are(not(DRIVER_SETUP)))
            .should().dependOnClassesThat(resideInAPackage("com.mongodb..").and(not(simpleName("MongoDatabase")))
                    .as("are MongoDB driver classes other than MongoDatabase"))
            .because("a Spring @Configuration class only passes the MongoDatabase bean to the stores it builds; a "
                    + "collection it opened or a query it ran belongs in a store (a class named ...Store)");

    private ModuleBoundaries() {
    }

    static List<ArchRule> all() {
        return List.of(SERVICES_DO_NOT_IMPORT_EACH_OTHER, ONLY_LOCAL_RUN_TOUCHES_THE_SANDBOXES,
                ONLY_LOCAL_RUN_USES_THE_LOCAL_REGISTRY, SCHEMAS_HOLD_ONLY_WHAT_A_SUBSCRIBER_NEEDS,
                GATEWAY_USES_NO_API_CLIENT, ONLY_STORES_TOUCH_THE_MONGODB_DRIVER,
                CONFIGURATION_ONLY_HANDS_THE_DATABASE_TO_STORES);
    }

    private static boolean isStore(JavaClass javaClass) {
        return javaClass.getSimpleName().endsWith("Store")
                || ("." + javaClass.getPackageName() + ".").contains(".store.");
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass current = javaClass;
        for (Optional<JavaClass> enclosing = current.getEnclosingClass(); enclosing.isPresent();
                enclosing = current.getEnclosingClass()) {
            current = enclosing.get();
        }
        return current;
    }

    static Optional<String> serviceOf(String packageName) {
        return SERVICES.stream()
                .filter(root -> packageName.equals(root) || packageName.startsWith(root + "."))
                .findFirst();
    }

    private static ArchCondition<JavaClass> notDependOnAnotherService() {
        return new ArchCondition<>("not depend on another service's classes") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = serviceOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = serviceOf(dependency.getTargetClass().getPackageName());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
