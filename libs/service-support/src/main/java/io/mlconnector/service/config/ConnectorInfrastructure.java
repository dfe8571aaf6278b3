package io.mlconnector.service.config;

import io.mlconnector.schemas.serde.AvroTrust;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every ml-connector service needs: the tenants (with decrypted credentials), MongoDB, the topics, failed-record
 * handling and readiness checks. A service imports this explicitly ({@code @Import(ConnectorInfrastructure.class)}) rather than
 * through auto-configuration, so a reader of the application class sees where the beans come from.
 */
@Configuration(proxyBeanMethods = false)
@Import({TenantRegistryConfiguration.class, MongoClientConfiguration.class, ConnectorTopicsConfiguration.class,
        ConnectorKafkaConfiguration.class, ConnectorHealthConfiguration.class})
public class ConnectorInfrastructure {

    static {
        // Avro refuses generated classes from packages it was not told to trust (Avro 1.12 trusted packages,
        // CVE-2024-47561; https://avro.apache.org/docs/1.12.0/).
        AvroTrust.install();
    }
}
