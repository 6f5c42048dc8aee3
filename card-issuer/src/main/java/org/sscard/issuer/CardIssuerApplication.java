package org.sscard.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CardIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardIssuerApplication.class, args);
    }
}
