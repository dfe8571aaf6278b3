package io.mlconnector.vendorsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VendorSyncApplication {
    public static void main(String[] args) {
        SpringApplication.run(VendorSyncApplication.class, args);
    }
}
