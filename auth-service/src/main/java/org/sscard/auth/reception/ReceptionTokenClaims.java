package org.sscard.auth.reception;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The reception-check token's claims: {@code sub} the insurer's own ID for the patient, {@code aud} that insurer
 * alone, the desk client ({@code client_id}), {@code purpose=reception-check} (the insurer opens its eligibility API
 * only to it), {@code act} naming the clerk (RFC 8693 §4.1), and a lifetime of at most two minutes: the desk uses it
 * once, at once. No {@code login_profile}: nobody logged in as this patient.
 */
public final class ReceptionTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Duration lifetime;

    ReceptionTokenClaims(Duration lifetime) {
        this.lifetime = lifetime;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!ReceptionCheck.GRANT_TYPE.equals(context.getAuthorizationGrantType())
                || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || !(context.getPrincipal() instanceof InsuredPatient patient)) {
            return;
        }
        context.getClaims()
                .audience(List.of(patient.insurer()))
                .claim("client_id", context.getRegisteredClient().getClientId())
                .claim("purpose", ReceptionCheck.PURPOSE)
                // a mutable map: the encoder's claim conversion copies it as it is
                .claim("act", new LinkedHashMap<>(patient.act()))
                .claims(claims -> {
                    claims.remove("login_profile");
                    claims.remove("sid");
                    claims.put(JwtClaimNames.EXP, ((Instant) claims.get(JwtClaimNames.IAT)).plus(lifetime));
                });
    }
}
