package org.sscard.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.sscard.common.db.AppendOnlyTablesCallback;

@SpringBootApplication
@Import(AppendOnlyTablesCallback.class) // audit tables stay append-only for every role but their owner
@ConfigurationPropertiesScan
public class CardIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardIssuerApplication.class, args);
    }
}
