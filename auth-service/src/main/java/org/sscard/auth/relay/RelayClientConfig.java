package org.sscard.auth.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokens;

@Configuration
class RelayClientConfig {

    /** {@code tokens}: auth-service is the token issuer, so it mints its own (oidc.LocalServiceTokens). */
    @Bean
    RelayDirectory relayDirectory(
            @Value("${sscard.relay-url}") URI relayUrl,
            @Value("${sscard.data-dir}") Path dataDir,
            ServiceTokens tokens,
            ObjectMapper json) {
        return new RelayDirectory(
                relayUrl, tokens, json, () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDir)));
    }
}
