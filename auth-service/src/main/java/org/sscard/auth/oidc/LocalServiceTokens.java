package org.sscard.auth.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.ServiceTokens;

/**
 * auth-service's own service tokens (for its calls to the relay): it is the token issuer, so it signs them with its
 * own key instead of calling its own token endpoint. The same claims as a client-credentials token from that
 * endpoint: issuer, {@code sub} = {@code client_id} = auth-service, the one audience, five minutes. Kept until
 * shortly before expiry.
 */
final class LocalServiceTokens implements ServiceTokens {

    static final String CLIENT_ID = "auth-service";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private record Minted(String value, Instant refreshAfter) {}

    private final JwtEncoder encoder;
    private final java.util.function.Supplier<String> keyId;
    private final String issuer;
    private final Clock clock;
    private final Map<String, Minted> cache = new ConcurrentHashMap<>();

    LocalServiceTokens(JwtEncoder encoder, java.util.function.Supplier<String> keyId, String issuer, Clock clock) {
        this.encoder = encoder;
        this.keyId = keyId;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public String accessToken(String audience) {
        Instant now = clock.instant();
        Minted minted = cache.get(audience);
        if (minted == null || !now.isBefore(minted.refreshAfter())) {
            minted = mint(audience, now);
            cache.put(audience, minted);
        }
        return minted.value();
    }

    private Minted mint(String audience, Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(CLIENT_ID)
                .audience(java.util.List.of(audience))
                .claim("client_id", CLIENT_ID)
                .claim(ServiceTokenVerification.GRANT_TYPE_CLAIM, ServiceTokenVerification.CLIENT_CREDENTIALS)
                .claim("scope", audience)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256)
                                .keyId(keyId.get())
                                .build(),
                        claims))
                .getTokenValue();
        return new Minted(token, now.plus(LIFETIME).minus(MARGIN));
    }
}
