package io.mlconnector.vendorsync;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * BC vendors to Procore company vendors; keeps the BC webhook subscriptions alive; polls what BC does not
 * notify (purchase orders) and vendors when notifications stop.
 */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class VendorSyncApplication {

    /**
     * The service's built-in defaults are {@code vendor-sync.yml}, not {@code application.yml}: the local run puts all
     * five services on one classpath, where five {@code application.yml} files would shadow each other.
     * Deployments override through {@code /etc/ml-connector/config/application.yml} (Helm) or the environment.
     */
    public static final String CONFIG = "spring.config.name=vendor-sync";

    public static void main(String[] args) {
        new SpringApplicationBuilder(VendorSyncApplication.class).properties(CONFIG).run(args);
    }
}
