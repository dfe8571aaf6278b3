package io.mlconnector.ingest;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reads Procore cost records per tenant and project and publishes them to procore.cost-documents. */
@SpringBootApplication
@EnableScheduling
@Import(ConnectorInfrastructure.class)
public class ProcoreIngestApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProcoreIngestApplication.class, args);
    }
}
