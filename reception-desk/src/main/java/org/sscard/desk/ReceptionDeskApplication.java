package org.sscard.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.sscard.common.db.AppendOnlyTablesCallback;
import org.sscard.common.time.PlatformTime;

/**
 * The hospital reception desk: a clerk logged in with a staff card asks, with the patient's card certificate or the
 * provisional SSN and date of birth, for the patient's current insurance and this hospital's patient number, and
 * gets a signed eligibility statement that survives an outage.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({PlatformTime.class, AppendOnlyTablesCallback.class})
public class ReceptionDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReceptionDeskApplication.class, args);
    }
}
