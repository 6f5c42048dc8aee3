package org.sscard.auth.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.common.secret.ServiceSecrets;
import org.sscard.common.tls.PlatformTrust;

@Configuration
class RelayClientConfig {

    @Bean
    RelayDirectory relayDirectory(@Value("${sscard.relay-url}") URI relayUrl,
                                  @Value("${sscard.data-dir}") Path dataDir, ObjectMapper json) {
        String secret = new ServiceSecrets(dataDir, "relay").getOrCreate("auth-service");
        return new RelayDirectory(relayUrl, secret, json,
                () -> PlatformTrust.sslContext(dataDir.resolve("tls").resolve("ca-root.pem")));
    }
}
