package org.sscard.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PortalGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalGatewayApplication.class, args);
    }
}
