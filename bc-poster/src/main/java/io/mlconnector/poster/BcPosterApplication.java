package io.mlconnector.poster;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Posts mapped cost documents to Business Central exactly once and publishes the results. */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class BcPosterApplication {
    public static void main(String[] args) {
        SpringApplication.run(BcPosterApplication.class, args);
    }
}
