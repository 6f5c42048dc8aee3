package org.sscard.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CardIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardIssuerApplication.class, args);
    }
}
