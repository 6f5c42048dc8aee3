package org.sscard.auth.operator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.sscard.common.operator.Operator;
import org.sscard.common.token.ServiceTokenVerification;

/**
 * The operator token's claims, as common's {@link Operator#of} reads them: {@code sub} = {@code client_id} = the
 * console, {@code aud} the one back end, {@code gty=operator-action}, {@code act} the staff member (RFC 8693 §4.1:
 * {@code sub}, {@code role}, {@code organisation}, {@code name} when known), two minutes from {@code iat}. None of a
 * login's claims ({@code login_profile}, {@code sid}) and no scope: the operator's role is what a back end grants.
 */
public final class OperatorTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OperatorAction.GRANT_TYPE.equals(context.getAuthorizationGrantType())
                || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || !(context.getPrincipal() instanceof OperatorPrincipal operator)) {
            return;
        }
        context.getClaims()
                .audience(List.of(operator.audience()))
                .claim("client_id", context.getRegisteredClient().getClientId())
                .claim(ServiceTokenVerification.GRANT_TYPE_CLAIM, Operator.GRANT_CLAIM_VALUE)
                // a mutable map: the encoder's claim conversion copies it as it is
                .claim("act", new LinkedHashMap<>(operator.act()))
                .claims(claims -> {
                    claims.remove("login_profile");
                    claims.remove("sid");
                    claims.remove("scope");
                    claims.put(
                            JwtClaimNames.EXP, ((Instant) claims.get(JwtClaimNames.IAT)).plus(OperatorAction.LIFETIME));
                });
    }
}
