package io.mlconnector.deploy.chart;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards against a typo in values being ignored silently (Helm drops unknown keys, so `replica: 3` would leave one
 * replica) and against an empty connection value reaching the pods: values.schema.json refuses both at
 * helm install / template time, naming the key.
 */
class ValuesSchemaRefusesTyposTest {

    @Test
    void unknownKeysAreRefusedAtEveryLevel() {
        for (Map.Entry<String, Object> typo : Map.<String, Object>of(
                "bc-poster.replica", 3,
                "kafka.bootstrapServer", "kafka:9092",
                "schemaRegistry.tls.caCert", "ca.pem",
                "topic.replicationFactor", 3,
                "webhook-gateway.ingress.host", "x.example.com",
                "vendorsync.enabled", false).entrySet()) {
            assertThatThrownBy(() -> RenderedChart.render(null, Map.of(typo.getKey(), typo.getValue())))
                    .as(typo.getKey()).hasMessageContaining("values don't meet the specifications of the schema")
                    .hasMessageContaining(unknownKey(typo.getKey()));
        }
    }

    @Test
    void emptyOrMalformedRequiredValuesAreRefused() {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                "kafka.bootstrapServers", "",
                "schemaRegistry.url", "",
                "mongodb.database", "",
                "topics.partitions", 0,
                "kafka.securityProtocol", "TLS",
                "gateway.publicUrl", "connector.example.com").entrySet()) {
            assertThatThrownBy(() -> RenderedChart.render(null, Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.getKey()).hasMessageContaining("values don't meet the specifications of the schema");
        }
    }

    @Test
    void theShippedValueFilesPassTheSchema() {
        assertThatCode(RenderedChart::withDefaults).doesNotThrowAnyException();
        assertThatCode(RenderedChart::withFullValues).doesNotThrowAnyException();
    }

    /** The misspelt key the message must name: the first segment at top level, else the last. */
    private static String unknownKey(String key) {
        return key.startsWith("topic.") || key.startsWith("vendorsync.") ? key.substring(0, key.indexOf('.'))
                : key.substring(key.lastIndexOf('.') + 1);
    }
}
