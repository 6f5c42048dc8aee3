package org.sscard.auth.login;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.common.tls.PlatformTrust;

@Configuration
@EnableConfigurationProperties(CardLoginProperties.class)
class CardLoginConfig {

    @Bean
    CardCertificateCheck cardCertificateCheck(@Value("${sscard.data-dir}") Path dataDir, Clock clock) {
        return new PlatformRootCertificateCheck(PlatformTrust.keyStore(dataDir.resolve("tls").resolve("ca-root.pem")),
                clock);
    }

    @Bean
    LoginRateLimiter loginRateLimiter(CardLoginProperties properties, Clock clock) {
        return new LoginRateLimiter(properties.rateLimit().capacity(), properties.rateLimit().refillPerMinute(), clock);
    }

    @Bean
    PersonalIdFormat personalIdFormat() {
        return PersonalIdFormat.standard();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
