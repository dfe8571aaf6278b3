package io.mlconnector.gateway;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The only inbound HTTP from the internet: verifies Procore and BC webhooks and publishes them to Kafka. */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class WebhookGatewayApplication {

    /** Built-in defaults are {@code webhook-gateway.yml}: see ProcoreIngestApplication.CONFIG for why. */
    public static final String CONFIG = "spring.config.name=webhook-gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(WebhookGatewayApplication.class).properties(CONFIG).run(args);
    }
}
