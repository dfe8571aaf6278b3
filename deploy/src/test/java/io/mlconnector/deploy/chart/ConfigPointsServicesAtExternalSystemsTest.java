package io.mlconnector.deploy.chart;

import static io.mlconnector.deploy.chart.RenderedChart.at;
import static io.mlconnector.deploy.chart.RenderedChart.container;
import static io.mlconnector.deploy.chart.RenderedChart.list;
import static io.mlconnector.deploy.chart.RenderedChart.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards against a service silently running on its built-in localhost defaults (the services'
 * application.yml points at 127.0.0.1 Kafka, registry and MongoDB) because the chart set a property
 * under a name the service does not read, or mounted the tenants file where the config does not look.
 */
class ConfigPointsServicesAtExternalSystemsTest {

    private static final String REGISTRY = "https://schema-registry.kafka.internal";

    @Test
    void everyServiceGetsTheExternalKafkaRegistryMongoAndTenantsFile() {
        RenderedChart chart = RenderedChart.withFullValues();

        chart.ofKindByService("ConfigMap").forEach((service, configMap) -> {
            Map<String, Object> app = applicationYml(configMap);
            assertThat(str(app, "spring", "kafka", "bootstrap-servers")).as(service).startsWith("b-1.kafka.internal:9096");
            // Producer/consumer-level properties win over the common ones in Spring Boot, and the
            // services' own application.yml sets the registry there: the chart must override all three.
            assertThat(str(app, "spring", "kafka", "properties", "schema.registry.url")).as(service).isEqualTo(REGISTRY);
            assertThat(str(app, "spring", "kafka", "producer", "properties", "schema.registry.url")).isEqualTo(REGISTRY);
            assertThat(str(app, "spring", "kafka", "consumer", "properties", "schema.registry.url")).isEqualTo(REGISTRY);
            assertThat(str(app, "mlc", "mongodb", "database")).isEqualTo("ml-connector");
            // acknowledged = in a majority's journal, before any offset is committed
            assertThat(str(app, "mlc", "mongodb", "write-concern")).isEqualTo("majority");
            assertThat(str(app, "mlc", "mongodb", "journal")).isEqualTo("true");
            assertThat(at(app, "server", "port")).isEqualTo(8080);
            assertThat(at(app, "management", "server", "port")).isEqualTo(8081);
            assertThat(at(app, "management", "endpoint", "health", "probes", "enabled")).isEqualTo(true);
            assertThat(str(app, "management", "endpoints", "web", "exposure", "include")).contains("prometheus");

            String tenantsFile = str(app, "mlc", "tenants", "file");
            assertThat(tenantsFile).isEqualTo("/etc/ml-connector/tenants/tenants.json");
            Map<String, Object> deployment = chart.ofKindByService("Deployment").get(service);
            assertThat(list(container(deployment), "volumeMounts")).anySatisfy(m -> assertThat(m)
                    .containsEntry("name", "tenants").containsEntry("mountPath", "/etc/ml-connector/tenants"));
            assertThat(list(container(deployment), "env")).anySatisfy(e -> assertThat(e)
                    .containsEntry("name", "SPRING_CONFIG_ADDITIONAL_LOCATION")
                    .containsEntry("value", "optional:file:/etc/ml-connector/config/application.yml"));
        });
    }

    @Test
    void perServiceConfigOverridesTheSharedConfigForThatServiceOnly() {
        RenderedChart chart = RenderedChart.withFullValues();
        Map<String, Map<String, Object>> configMaps = chart.ofKindByService("ConfigMap");

        assertThat(str(applicationYml(configMaps.get("bc-poster")), "logging", "level", "io.mlconnector.poster"))
                .isEqualTo("INFO");
        assertThat(str(applicationYml(configMaps.get("vendor-sync")), "logging", "level", "io.mlconnector.poster"))
                .isNull();
        assertThat(str(applicationYml(configMaps.get("vendor-sync")), "logging", "level", "root")).isEqualTo("INFO");
        assertThat(str(applicationYml(configMaps.get("webhook-gateway")), "mlc", "gateway", "base-url"))
                .isEqualTo("https://connector.harbor-ridge.example.com");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicationYml(Map<String, Object> configMap) {
        String text = str(configMap, "data", "application.yml");
        assertThat(text).isNotBlank();
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }
}
