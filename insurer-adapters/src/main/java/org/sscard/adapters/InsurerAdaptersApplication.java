package org.sscard.adapters;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.sscard.adapters.imports.ImportCommand;
import org.sscard.common.time.PlatformTime;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformTime.class)
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
