package io.mlconnector.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProcoreIngestApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProcoreIngestApplication.class, args);
    }
}
