package io.mlconnector.vendorsync;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * BC vendors to Procore company vendors; keeps the BC webhook subscriptions alive; polls what BC does not
 * notify (purchase orders) and vendors when notifications stop.
 */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class VendorSyncApplication {
    public static void main(String[] args) {
        SpringApplication.run(VendorSyncApplication.class, args);
    }
}
