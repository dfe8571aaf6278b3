package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * What a subscriber gets from this jar: a serde that speaks HTTP to a Schema Registry and nothing else. The
 * in-process registry of the local run and the tests lives in libs/local-schema-registry; without it on the classpath
 * an {@code inprocess://} URL is refused at configure time, in words that say what to give instead.
 */
class RegistryUrlSchemeRefusedTest {

    @Test
    void anHttpUrlGivesTheRestClient() {
        assertThat(AvroSerdeConfig.registry(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081")))
                .isInstanceOf(SchemaRegistryRestClient.class);
    }

    @Test
    void anInProcessUrlWithoutTheLocalRegistryIsRefused() {
        assertThatThrownBy(() -> new AvroSerializer<>().configure(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "inprocess://services-test"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("give the http(s)://host:port address of a Schema Registry")
                .hasMessageContaining("inprocess:// registries exist only in tests and the local run");
    }

    @Test
    void anUnknownSchemeIsRefused() {
        assertThatThrownBy(() -> AvroSerdeConfig.registry(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "ftp://registry")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("give the http(s)://host:port address of a Schema Registry");
    }
}
