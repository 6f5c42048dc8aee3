package org.sscard.auth.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertChainUtils;
import com.nimbusds.jwt.SignedJWT;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.ValidationResult;

/**
 * {@code private_key_jwt} with the platform's PKI instead of registered keys: the client assertion carries its
 * certificate chain ({@code x5c}); the chain must validate to the platform root with the service-client policy and
 * a known-good revocation status, the certificate must be the client's own and for client authentication, the
 * signature must verify with it (RS256), the claims must be what RFC 7523 asks (Spring Authorization Server's own
 * validator: iss = sub = client ID, aud = this token endpoint, unexpired), and the assertion must be new.
 */
final class CertificateClientAssertions implements JwtDecoderFactory<RegisteredClient> {

    private static final Logger audit = LoggerFactory.getLogger("sscard.audit");
    private static final MappedJwtClaimSetConverter CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    private final CertificatePathValidator validator;
    private final AssertionReplayCache replay;
    private final Clock clock;
    private final Function<RegisteredClient, OAuth2TokenValidator<Jwt>> claimRules =
            JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY;

    CertificateClientAssertions(CertificatePathValidator validator, AssertionReplayCache replay, Clock clock) {
        this.validator = validator;
        this.replay = replay;
        this.clock = clock;
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        return assertion -> {
            try {
                return decode(client, assertion);
            } catch (JwtException refused) {
                audit.atWarn()
                        .addKeyValue("event.action", "client-authentication-refused")
                        .addKeyValue("client.id", client.getClientId())
                        .log("client assertion refused: {}", refused.getMessage());
                throw refused;
            }
        };
    }

    private Jwt decode(RegisteredClient client, String assertion) {
        SignedJWT signed;
        List<X509Certificate> chain;
        try {
            signed = SignedJWT.parse(assertion);
            chain = signed.getHeader().getX509CertChain() == null
                    ? List.of()
                    : X509CertChainUtils.parse(signed.getHeader().getX509CertChain());
        } catch (ParseException e) {
            throw new BadJwtException("the client assertion is not a signed JWT with a certificate chain");
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm()) || chain.isEmpty()) {
            throw new BadJwtException("the client assertion must be RS256 with its certificate chain in x5c");
        }
        X509Certificate certificate = chain.get(0);
        ClientCertificateRules.refusal(certificate, client.getClientId()).ifPresent(why -> {
            throw new BadJwtException(why);
        });
        ValidationResult path = validator.validate(certificate, chain.subList(1, chain.size()), clock.instant());
        if (!path.accepted()) {
            throw new BadJwtException("the client certificate is refused: " + path.reason());
        }
        Jwt jwt = verified(signed, certificate, assertion);
        OAuth2TokenValidatorResult claims = claimRules.apply(client).validate(jwt);
        if (claims.hasErrors()) {
            throw new JwtValidationException("the client assertion's claims are wrong", claims.getErrors());
        }
        if (jwt.getId() == null || !replay.firstUse(client.getClientId(), jwt.getId(), jwt.getExpiresAt())) {
            throw new BadJwtException("the client assertion was used before (or has no jti)");
        }
        return jwt;
    }

    private static Jwt verified(SignedJWT signed, X509Certificate certificate, String assertion) {
        try {
            if (!(certificate.getPublicKey() instanceof RSAPublicKey key) || !signed.verify(new RSASSAVerifier(key))) {
                throw new BadJwtException("the client assertion's signature does not verify with its certificate");
            }
            Map<String, Object> claimSet =
                    CLAIMS.convert(signed.getJWTClaimsSet().getClaims());
            return Jwt.withTokenValue(assertion)
                    .headers(headers -> headers.putAll(signed.getHeader().toJSONObject()))
                    .claims(claims -> claims.putAll(claimSet))
                    .build();
        } catch (JOSEException | ParseException e) {
            throw new BadJwtException("the client assertion cannot be verified");
        }
    }
}
