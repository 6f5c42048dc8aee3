package org.sscard.hospital.relay;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.TokenProperties;
import org.sscard.hospital.config.DataDirectory;
import org.sscard.hospital.config.HospitalProperties;
import org.sscard.hospital.saml.SpMetadata;

/** At start, hands the SP metadata to the relay in a background thread (see {@link SpMetadataRegistration}). */
@Configuration
class RelayRegistrationConfig {

    @Bean
    ApplicationRunner registerSpMetadata(
            HospitalProperties properties,
            TokenProperties tokens,
            DataDirectory dataDirectory,
            SpMetadata metadata,
            Clock clock) {
        return (ApplicationArguments args) -> {
            if (!properties.relay().registerMetadata()) {
                return;
            }
            var trust = (java.util.function.Supplier<javax.net.ssl.SSLContext>)
                    () -> PlatformTrust.sslContext(dataDirectory.caRoot());
            ServiceTokenClient client = new ServiceTokenClient(
                    tokens.tokenUri(),
                    () -> ServiceCredentials.read(
                            ServiceCredentials.directory(dataDirectory.dataDir()), tokens.clientId()),
                    trust,
                    clock);
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
            if ("https".equals(properties.relay().url().getScheme())) {
                http.sslContext(trust.get());
            }
            Thread thread = new Thread(
                    new SpMetadataRegistration(
                            properties.relay().url(),
                            properties.providerKey(),
                            metadata.xml(),
                            client,
                            http.build(),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(30)),
                    "sp-metadata-registration");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
