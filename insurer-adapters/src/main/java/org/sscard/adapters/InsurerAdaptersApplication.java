package org.sscard.adapters;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class InsurerAdaptersApplication {

    public static void main(String[] args) {
        SpringApplication.run(InsurerAdaptersApplication.class, args);
    }
}
