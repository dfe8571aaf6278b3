package io.mlconnector.ingest;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reads Procore cost records per tenant and project and publishes them to procore.cost-documents. */
@SpringBootApplication
@EnableScheduling
@Import(ConnectorInfrastructure.class)
public class ProcoreIngestApplication {

    /**
     * The service's built-in defaults are {@code procore-ingest.yml}, not {@code application.yml}: the local run puts all
     * five services on one classpath, where five {@code application.yml} files would shadow each other.
     * Deployments override through {@code /etc/ml-connector/config/application.yml} (Helm) or the environment.
     */
    public static final String CONFIG = "spring.config.name=procore-ingest";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProcoreIngestApplication.class).properties(CONFIG).run(args);
    }
}
