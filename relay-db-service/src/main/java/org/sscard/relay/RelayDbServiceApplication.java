package org.sscard.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RelayDbServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayDbServiceApplication.class, args);
    }
}
