package io.mlconnector.deploy.chart;

import static io.mlconnector.deploy.chart.RenderedChart.container;
import static io.mlconnector.deploy.chart.RenderedChart.env;
import static io.mlconnector.deploy.chart.RenderedChart.list;
import static io.mlconnector.deploy.chart.RenderedChart.map;
import static io.mlconnector.deploy.chart.RenderedChart.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards against secrets leaking into ConfigMaps or plain env values, and against a pod pointing at a
 * Secret the chart never created (or missing a credential its Kafka security protocol needs).
 */
class SecretsComeFromSecretRefsTest {

    private static final String PASSWORD = "s3cr3t-kafka-pa55";

    @Test
    void defaultsReferenceTheConventionalExistingSecrets() {
        RenderedChart chart = RenderedChart.withDefaults();

        assertThat(chart.ofKind("Secret")).as("the chart creates no Secret by default").isEmpty();
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> c = container(deployment);
            assertThat(secretRef(c, "MLC_ENCRYPTION_KEYS")).as(service)
                    .isEqualTo("ml-connector-encryption/MLC_ENCRYPTION_KEYS");
            assertThat(secretRef(c, "MLC_MONGODB_URI")).as(service).isEqualTo("ml-connector-mongodb/uri");
            assertThat(env(c, "MLC_KAFKA_PASSWORD")).as("PLAINTEXT Kafka needs no credentials").isNull();
            assertThat(tenantsVolume(deployment)).containsEntry("secretName", "ml-connector-tenants");
        });
    }

    @Test
    void fullValuesReferenceEveryExistingSecret() {
        RenderedChart chart = RenderedChart.withFullValues();

        assertThat(chart.ofKind("Secret")).isEmpty();
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> c = container(deployment);
            assertThat(secretRef(c, "MLC_ENCRYPTION_KEYS")).as(service)
                    .isEqualTo("ml-connector-encryption/MLC_ENCRYPTION_KEYS");
            assertThat(secretRef(c, "MLC_MONGODB_URI")).as(service).isEqualTo("ml-connector-mongodb/uri");
            assertThat(secretRef(c, "MLC_KAFKA_USERNAME")).as(service).isEqualTo("ml-connector-kafka/username");
            assertThat(secretRef(c, "MLC_KAFKA_PASSWORD")).as(service).isEqualTo("ml-connector-kafka/password");
            assertThat(secretRef(c, "MLC_SCHEMA_REGISTRY_USERNAME")).as(service)
                    .isEqualTo("ml-connector-schema-registry/username");
            assertThat(secretRef(c, "MLC_SCHEMA_REGISTRY_PASSWORD")).as(service)
                    .isEqualTo("ml-connector-schema-registry/password");
            assertThat(list(deployment, "spec", "template", "spec", "volumes"))
                    .anySatisfy(v -> assertThat(str(v, "secret", "secretName")).isEqualTo("ml-connector-kafka-ca"));
        });
        // The Kafka client settings refer to the env vars; they never hold the credentials themselves.
        String gatewayConfig = str(chart.ofKindByService("ConfigMap").get("webhook-gateway"), "data", "application.yml");
        assertThat(gatewayConfig)
                .contains("security.protocol: SASL_SSL", "sasl.mechanism: SCRAM-SHA-512", "ScramLoginModule",
                        "${MLC_KAFKA_PASSWORD}", "ssl.truststore.type: PEM",
                        "basic.auth.user.info: ${MLC_SCHEMA_REGISTRY_USERNAME}:${MLC_SCHEMA_REGISTRY_PASSWORD}");
    }

    @Test
    void inlineValuesGoIntoTheChartSecretAndNeverIntoConfigMaps() {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("encryption.keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        sets.put("mongodb.uri", "mongodb://mlc:mongo-pa55@mongo-0:27017/?replicaSet=rs0");
        sets.put("kafka.securityProtocol", "SASL_PLAINTEXT");
        sets.put("kafka.sasl.mechanism", "PLAIN");
        sets.put("kafka.sasl.username", "mlc");
        sets.put("kafka.sasl.password", PASSWORD);
        sets.put("tenants.inline", "{\"tenants\":[]}");
        RenderedChart chart = RenderedChart.render(null, sets);

        Map<String, Object> secret = chart.named("Secret", "mlc-ml-connector-secrets").orElseThrow();
        assertThat(decoded(secret, "MLC_KAFKA_PASSWORD")).isEqualTo(PASSWORD);
        assertThat(decoded(secret, "MLC_ENCRYPTION_KEYS")).startsWith("k1:");
        assertThat(chart.named("Secret", "mlc-ml-connector-tenants")).isPresent();

        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> c = container(deployment);
            assertThat(secretRef(c, "MLC_KAFKA_PASSWORD")).isEqualTo("mlc-ml-connector-secrets/MLC_KAFKA_PASSWORD");
            assertThat(secretRef(c, "MLC_ENCRYPTION_KEYS")).isEqualTo("mlc-ml-connector-secrets/MLC_ENCRYPTION_KEYS");
            assertThat(tenantsVolume(deployment)).containsEntry("secretName", "mlc-ml-connector-tenants");
            assertThat(map(deployment, "spec", "template", "metadata", "annotations"))
                    .as("pods roll when an inline secret changes").containsKey("checksum/secrets");
        });
        assertThat(chart.ofKind("ConfigMap")).allSatisfy(cm -> assertThat(cm.toString())
                .doesNotContain(PASSWORD).doesNotContain("mongo-pa55").contains("PlainLoginModule"));
        assertThat(chart.ofKind("Deployment")).allSatisfy(d -> assertThat(d.toString()).doesNotContain(PASSWORD));
    }

    /** "secretName/key" of an env var's secretKeyRef, or null when it is not from a Secret. */
    private static String secretRef(Map<String, Object> container, String envName) {
        Map<String, Object> entry = env(container, envName);
        assertThat(entry).as("env %s", envName).isNotNull();
        assertThat(entry).as("env %s must not carry a literal value", envName).doesNotContainKey("value");
        Map<String, Object> ref = map(entry, "valueFrom", "secretKeyRef");
        return ref == null ? null : ref.get("name") + "/" + ref.get("key");
    }

    private static Map<String, Object> tenantsVolume(Map<String, Object> deployment) {
        return list(deployment, "spec", "template", "spec", "volumes").stream()
                .filter(v -> "tenants".equals(v.get("name"))).findFirst().map(v -> map(v, "secret")).orElseThrow();
    }

    private static String decoded(Map<String, Object> secret, String key) {
        return new String(Base64.getDecoder().decode(str(secret, "data", key)), StandardCharsets.UTF_8);
    }
}
