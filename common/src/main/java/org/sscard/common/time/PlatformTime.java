package org.sscard.common.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock and the date formats of a service that shows dates to people: import it ({@code @Import}) rather than
 * declaring both again. The clock is UTC (stored instants); {@link PlatformDates} shows them in Asia/Tokyo, and is
 * {@code @dates} in Thymeleaf templates.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformTime {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlatformDates dates() {
        return new PlatformDates();
    }
}
