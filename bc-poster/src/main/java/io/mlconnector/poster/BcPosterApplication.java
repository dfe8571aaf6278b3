package io.mlconnector.poster;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Posts mapped cost documents to Business Central exactly once and publishes the results. */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class BcPosterApplication {

    /**
     * The service's built-in defaults are {@code bc-poster.yml}, not {@code application.yml}: the local run puts all
     * five services on one classpath, where five {@code application.yml} files would shadow each other.
     * Deployments override through {@code /etc/ml-connector/config/application.yml} (Helm) or the environment.
     */
    public static final String CONFIG = "spring.config.name=bc-poster";

    public static void main(String[] args) {
        new SpringApplicationBuilder(BcPosterApplication.class).properties(CONFIG).run(args);
    }
}
