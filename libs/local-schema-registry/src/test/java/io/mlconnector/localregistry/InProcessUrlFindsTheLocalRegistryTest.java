package io.mlconnector.localregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerdeConfig;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * {@code schema.registry.url=inprocess://<name>}, as the services' tests configure it, still reaches one named
 * registry of the JVM now that the registry lives outside schemas: the serde finds it through this module's
 * {@link InProcessRegistryProvider} (ServiceLoader), and without this module the URL is refused (schemas'
 * {@code RegistryUrlSchemeRefusedTest}).
 */
class InProcessUrlFindsTheLocalRegistryTest {

    private static final String SUBJECT = "procore.cost-documents-value";

    @Test
    void serializerAndDeserializerShareOneNamedRegistry() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "inprocess://rest-test",
                AvroSerdeConfig.VALUE_TYPE, CostDocument.class.getName());
        try {
            AvroSerializer<CostDocument> serializer = new AvroSerializer<>();
            serializer.configure(config, false);
            AvroDeserializer<CostDocument> deserializer = new AvroDeserializer<>();
            deserializer.configure(config, false);

            byte[] bytes = serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, CostDocuments.requisition());

            assertThat(deserializer.deserialize(Topics.PROCORE_COST_DOCUMENTS, bytes)).isEqualTo(CostDocuments.requisition());
            assertThat(InProcessSchemaRegistries.named("rest-test").subjects()).containsExactly(SUBJECT);
            assertThat(AvroSerdeConfig.registry(config)).isSameAs(InProcessSchemaRegistries.named("rest-test"));
        } finally {
            InProcessSchemaRegistries.remove("rest-test");
        }
    }

    @Test
    void anInProcessUrlWithoutANameIsRefused() {
        assertThatThrownBy(() -> AvroSerdeConfig.registry(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "inprocess:///x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected inprocess://<name>");
    }
}
