package io.mlconnector.deploy.chart;

import static io.mlconnector.deploy.chart.RenderedChart.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards against webhooks that cannot work on a cluster: vendor-sync subscribing BC to its built-in
 * http://127.0.0.1:8080, procore-ingest registering no Procore hook, or an install that goes ahead with no public
 * URL at all while webhooks are on.
 */
class WebhookUrlsComeFromTheGatewayPublicUrlTest {

    @Test
    void publicUrlReachesVendorSyncIngestAndTheGateway() {
        RenderedChart chart = RenderedChart.render(null, Map.of("gateway.publicUrl", "https://hooks.example.com/"));

        assertThat(str(app(chart, "vendor-sync"), "mlc", "vendor-sync", "notification-base-url"))
                .isEqualTo("https://hooks.example.com");
        assertThat(str(app(chart, "vendor-sync"), "mlc", "vendor-sync", "webhooks-enabled")).isEqualTo("true");
        assertThat(str(app(chart, "procore-ingest"), "mlc", "ingest", "webhook-base-url"))
                .isEqualTo("https://hooks.example.com");
        assertThat(str(app(chart, "procore-ingest"), "mlc", "ingest", "webhook-registration-enabled")).isEqualTo("true");
        assertThat(str(app(chart, "webhook-gateway"), "mlc", "gateway", "base-url")).isEqualTo("https://hooks.example.com");
    }

    @Test
    void theIngressHostWithTlsIsThePublicUrlWhenNoneIsGiven() {
        RenderedChart chart = RenderedChart.withFullValues();

        assertThat(str(app(chart, "vendor-sync"), "mlc", "vendor-sync", "notification-base-url"))
                .isEqualTo("https://connector.harbor-ridge.example.com");
        assertThat(str(app(chart, "procore-ingest"), "mlc", "ingest", "webhook-base-url"))
                .isEqualTo("https://connector.harbor-ridge.example.com");
    }

    @Test
    void noPublicUrlWithWebhooksOnFailsTheInstallSayingWhatToSet() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("gateway.publicUrl", "")))
                .hasMessageContaining("gateway.publicUrl is required while webhooks.enabled is true")
                .hasMessageContaining("webhooks.enabled=false");
        // an Ingress without TLS gives an http URL, which BC refuses
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("gateway.publicUrl", "",
                "webhook-gateway.ingress.enabled", true)))
                .hasMessageContaining("must start with https://");
    }

    @Test
    void webhooksOffNeedNoPublicUrlAndTurnBothSidesOff() {
        RenderedChart chart = RenderedChart.render(null, Map.of("gateway.publicUrl", "", "webhooks.enabled", false));

        assertThat(str(app(chart, "vendor-sync"), "mlc", "vendor-sync", "webhooks-enabled")).isEqualTo("false");
        assertThat(str(app(chart, "procore-ingest"), "mlc", "ingest", "webhook-registration-enabled")).isEqualTo("false");
        assertThat(str(app(chart, "procore-ingest"), "mlc", "ingest", "webhook-base-url")).isNull();
    }

    @Test
    void topicSettingsReachEveryServiceAndReplicationFactorOneNeedsConsent() {
        RenderedChart chart = RenderedChart.render(null, Map.of("topics.partitions", 6));
        for (String service : RenderedChart.SERVICES) {
            assertThat(str(app(chart, service), "mlc", "kafka", "partitions")).isEqualTo("6");
            assertThat(str(app(chart, service), "mlc", "kafka", "replication-factor")).isEqualTo("3");
            assertThat(str(app(chart, service), "mlc", "kafka", "allow-single-replica")).isEqualTo("false");
        }
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("topics.replicationFactor", 1)))
                .hasMessageContaining("topics.allowSingleReplica=true");
        RenderedChart single = RenderedChart.render(null, Map.of("topics.replicationFactor", 1, "topics.allowSingleReplica", true));
        assertThat(str(app(single, "bc-poster"), "mlc", "kafka", "allow-single-replica")).isEqualTo("true");
    }

    @Test
    void registryCaBundleIsMountedAndGivenToTheSerde() {
        RenderedChart chart = RenderedChart.render(null, Map.of("schemaRegistry.url", "https://registry.internal",
                "schemaRegistry.tls.existingSecret", "registry-ca"));
        for (String service : RenderedChart.SERVICES) {
            Map<String, Object> app = app(chart, service);
            for (String level : new String[] {"properties", "producer", "consumer"}) {
                Object props = level.equals("properties") ? RenderedChart.at(app, "spring", "kafka", "properties")
                        : RenderedChart.at(app, "spring", "kafka", level, "properties");
                assertThat(str(props, "schema.registry.ssl.truststore.location")).as(service + " " + level)
                        .isEqualTo("/etc/ml-connector/schema-registry-tls/ca.crt");
                assertThat(str(props, "schema.registry.ssl.truststore.type")).isEqualTo("PEM");
            }
            Map<String, Object> deployment = chart.ofKindByService("Deployment").get(service);
            assertThat(RenderedChart.list(RenderedChart.container(deployment), "volumeMounts")).anySatisfy(m -> assertThat(m)
                    .containsEntry("name", "schema-registry-tls").containsEntry("mountPath", "/etc/ml-connector/schema-registry-tls"));
            assertThat(RenderedChart.list(deployment, "spec", "template", "spec", "volumes")).anySatisfy(v ->
                    assertThat(str(v, "secret", "secretName")).isEqualTo("registry-ca"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> app(RenderedChart chart, String service) {
        String text = str(chart.ofKindByService("ConfigMap").get(service), "data", "application.yml");
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }
}
