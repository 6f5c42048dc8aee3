package org.sscard.hospital.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.common.time.PlatformDates;

@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The platform's date and time formats, as {@code @dates} in the templates. */
    @Bean
    PlatformDates dates() {
        return new PlatformDates();
    }
}
