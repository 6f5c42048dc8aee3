package org.sscard.adapters;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.sscard.adapters.imports.ImportCommand;

@SpringBootApplication
public class InsurerAdaptersApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(ImportCommand.run(
                    InsurerAdaptersApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.out,
                    System.err));
        }
        SpringApplication.run(InsurerAdaptersApplication.class, args);
    }
}
