package org.sscard.hospital;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.sscard.common.db.AppendOnlyTablesCallback;
import org.sscard.common.time.PlatformTime;
import org.sscard.hospital.importer.ImportCli;

/**
 * The hospital's patient portal: a SAML service provider trusting only the platform IdP. With {@code import FILE}
 * as arguments it runs the XML import once instead of serving (see {@link ImportCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({PlatformTime.class, AppendOnlyTablesCallback.class})
public class HospitalPortalApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ImportCli.COMMAND.equals(args[0])) {
            System.exit(ImportCli.run(args));
        }
        SpringApplication.run(HospitalPortalApplication.class, args);
    }
}
