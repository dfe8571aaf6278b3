package io.mlconnector.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WebhookGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(WebhookGatewayApplication.class, args);
    }
}
