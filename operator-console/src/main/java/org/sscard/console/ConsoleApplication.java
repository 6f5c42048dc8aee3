package org.sscard.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.sscard.common.db.AppendOnlyTablesCallback;
import org.sscard.common.time.PlatformTime;

/**
 * The operators' console: the city office's and the insurers' administrators, logged in with their staff card, act
 * on the platform's registers. The console holds no register of its own beyond the record of what each operator did
 * ({@code admin_action}); every change is asked of the service that owns it, with an operator token that names the
 * staff member.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({PlatformTime.class, AppendOnlyTablesCallback.class})
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
