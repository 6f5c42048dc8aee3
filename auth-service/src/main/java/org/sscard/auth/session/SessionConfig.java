package org.sscard.auth.session;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SessionConfig {

    /** Before Spring Security, so that an expired session is gone before any security context is read from it. */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(
            @Value("${sscard.auth.session.absolute-timeout}") Duration absoluteTimeout, Clock clock) {
        FilterRegistrationBean<SessionLifetimeFilter> registration =
                new FilterRegistrationBean<>(new SessionLifetimeFilter(absoluteTimeout, clock));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
