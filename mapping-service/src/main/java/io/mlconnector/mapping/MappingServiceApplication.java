package io.mlconnector.mapping;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Maps cost documents to Business Central postings, parks what cannot be mapped and re-drives it when fixed. */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class MappingServiceApplication {

    /**
     * The service's built-in defaults are {@code mapping-service.yml}, not {@code application.yml}: the local run puts all
     * five services on one classpath, where five {@code application.yml} files would shadow each other.
     * Deployments override through {@code /etc/ml-connector/config/application.yml} (Helm) or the environment.
     */
    public static final String CONFIG = "spring.config.name=mapping-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(MappingServiceApplication.class).properties(CONFIG).run(args);
    }
}
