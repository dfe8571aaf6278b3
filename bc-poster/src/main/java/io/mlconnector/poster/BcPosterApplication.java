package io.mlconnector.poster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BcPosterApplication {
    public static void main(String[] args) {
        SpringApplication.run(BcPosterApplication.class, args);
    }
}
