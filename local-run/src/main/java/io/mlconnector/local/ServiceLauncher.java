package io.mlconnector.local;

import io.mlconnector.gateway.WebhookGatewayApplication;
import io.mlconnector.ingest.ProcoreIngestApplication;
import io.mlconnector.mapping.MappingServiceApplication;
import io.mlconnector.poster.BcPosterApplication;
import io.mlconnector.vendorsync.VendorSyncApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the five services in this JVM, each as its own Spring Boot application context with its own
 * HTTP port, configured exactly as a Kubernetes deployment would configure it (broker, registry, store,
 * tenants file, encryption keys) — only the addresses point at the local stack.
 */
final class ServiceLauncher implements AutoCloseable {

    enum Service {
        WEBHOOK_GATEWAY("webhook-gateway", WebhookGatewayApplication.class),
        PROCORE_INGEST("procore-ingest", ProcoreIngestApplication.class),
        MAPPING_SERVICE("mapping-service", MappingServiceApplication.class),
        BC_POSTER("bc-poster", BcPosterApplication.class),
        VENDOR_SYNC("vendor-sync", VendorSyncApplication.class);

        final String name;
        final Class<?> application;

        Service(String name, Class<?> application) {
            this.name = name;
            this.application = application;
        }
    }

    private final Map<Service, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

    static ServiceLauncher start(Map<String, Object> common, Map<Service, Map<String, Object>> perService)
            throws Exception {
        return start(common, perService, null);
    }

    /** @param calls counts each service's requests to the APIs (null: not counted) */
    static ServiceLauncher start(Map<String, Object> common, Map<Service, Map<String, Object>> perService,
                                 ApiCallTally calls) throws Exception {
        ServiceLauncher launcher = new ServiceLauncher();
        ExecutorService pool = Executors.newFixedThreadPool(Service.values().length);
        try {
            Map<Service, Future<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                Map<String, Object> props = new LinkedHashMap<>(common);
                props.put("spring.application.name", service.name);
                // each service's built-in defaults are <service>.yml (see e.g. ProcoreIngestApplication.CONFIG)
                props.put("spring.config.name", service.name);
                props.putAll(perService.getOrDefault(service, Map.of()));
                // As command-line arguments: they outrank each service's application.yml, as a deployment's
                // environment does (SpringApplicationBuilder.properties() would only set defaults).
                String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                SpringApplicationBuilder builder = new SpringApplicationBuilder(service.application)
                        .web(WebApplicationType.REACTIVE)
                        .registerShutdownHook(false);
                if (calls != null) {
                    // a WebClientCustomizer bean: Boot applies it to the WebClient.Builder the API clients are built on
                    builder.initializers(context -> context.getBeanFactory().registerSingleton("localRunApiCalls",
                            calls.customizerFor(service.name)));
                }
                starting.put(service, pool.submit(() -> builder.run(args)));
            }
            for (var entry : starting.entrySet()) {
                launcher.contexts.put(entry.getKey(), entry.getValue().get());
            }
            return launcher;
        } catch (Exception e) {
            launcher.close();
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    ConfigurableApplicationContext context(Service service) {
        return contexts.get(service);
    }

    int port(Service service) {
        return Integer.parseInt(contexts.get(service).getEnvironment().getProperty("local.server.port", "0"));
    }

    /**
     * Closes every service, intake first (gateway, ingest), then mapping, the poster and vendor-sync: each context
     * stops its listeners — a record being processed finishes (bounded by the container's shutdown timeout), its
     * offset is committed and the consumer leaves its group — then its schedulers, clients and store connections.
     * One service failing to stop does not keep the others running.
     */
    @Override
    public void close() {
        // Listeners first, in every service, while all HTTP clients still work: the five contexts share Reactor
        // Netty's global event loops, which the first context to close shuts down for all of them.
        for (var entry : contexts.entrySet()) {
            try {
                entry.getValue().getBeanProvider(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class)
                        .ifAvailable(org.springframework.kafka.config.KafkaListenerEndpointRegistry::stop);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ServiceLauncher.class)
                        .warn("{}: listeners did not stop cleanly", entry.getKey().name, e);
            }
        }
        for (var entry : contexts.entrySet()) {
            try {
                entry.getValue().close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ServiceLauncher.class)
                        .warn("{} did not stop cleanly", entry.getKey().name, e);
            }
        }
        contexts.clear();
    }
}
