package io.mlconnector.mapping;

import io.mlconnector.service.config.ConnectorInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Maps cost documents to Business Central postings, parks what cannot be mapped and re-drives it when fixed. */
@SpringBootApplication
@Import(ConnectorInfrastructure.class)
public class MappingServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(MappingServiceApplication.class, args);
    }
}
