package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;

/** auth-service's own service tokens verify the way the relay verifies them, against the published JWKS. */
class LocalServiceTokensTest extends AuthServiceTest {

    @Autowired
    SigningKeys signingKeys;

    @Test
    void mintsTokensTheRelaysVerificationAcceptsAndOnlyForTheirAudience() {
        LocalServiceTokens tokens = new LocalServiceTokens(
                new NimbusJwtEncoder(signingKeys), signingKeys::currentKeyId, MAIN, Clock.systemUTC());
        String token = tokens.accessToken("relay-db-service");
        assertThat(tokens.accessToken("relay-db-service"))
                .as("kept until near expiry")
                .isEqualTo(token);

        Jwt verified = decoderFor("relay-db-service").decode(token);
        assertThat(verified.getSubject()).isEqualTo("auth-service");
        assertThat(verified.getIssuer().toString()).isEqualTo(MAIN);
        assertThat(ServiceTokenVerification.isClientToken(verified)).isTrue();
        assertThatThrownBy(() -> decoderFor("card-issuer").decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("not addressed to card-issuer");
    }

    private static JwtDecoder decoderFor(String audience) {
        return ServiceTokenVerification.decoder(
                new TokenProperties(URI.create(MAIN), null, null, audience, null),
                () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")));
    }
}
