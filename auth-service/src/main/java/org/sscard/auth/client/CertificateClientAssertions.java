package org.sscard.auth.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertChainUtils;
import com.nimbusds.jwt.SignedJWT;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * validator: iss = sub = client ID, aud = this token endpoint, unexpired; and {@link AssertionLifetime}: an iat not in
 * the future, at most five minutes to exp), and the assertion must be new ({@link AssertionReplayCache}). A chain
 * accepted lately is not parsed and PKIX-validated again, only its validity and revocation are checked
 * ({@link ValidatedChains}).
 */
final class CertificateClientAssertions implements JwtDecoderFactory<RegisteredClient> {

    /**
     * The platform's chains are the client's certificate and the issuing CA (the root may be added): anything longer
     * is refused before it is parsed, as is an {@code x5c} larger than {@link #MAX_X5C_BYTES} in all (decoded; a
     * platform chain is some 2.5 KB, and Nimbus refuses a JOSE header over 20,000 characters before we see it).
     */
    static final int MAX_X5C_CERTIFICATES = 4;

    static final int MAX_X5C_BYTES = 10 * 1024;

    private static final Logger audit = LoggerFactory.getLogger("sscard.audit");
    private static final MappedJwtClaimSetConverter CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    private final CertificatePathValidator validator;
    private final ValidatedChains chains = new ValidatedChains();
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
                        .addKeyValue(
                                "sscard.certificate.path_nodes_visited",
                                refused instanceof RefusedCertificate certificate ? certificate.nodesVisited() : 0)
                        .log("client assertion refused: {}", refused.getMessage());
                throw refused;
            }
        };
    }

    private Jwt decode(RegisteredClient client, String assertion) {
        SignedJWT signed;
        try {
            signed = SignedJWT.parse(assertion);
        } catch (ParseException e) {
            throw new BadJwtException("the client assertion is not a signed JWT with a certificate chain");
        }
        List<Base64> x5c = signed.getHeader().getX509CertChain();
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm()) || x5c == null || x5c.isEmpty()) {
            throw new BadJwtException("the client assertion must be RS256 with its certificate chain in x5c");
        }
        requireBoundedChain(x5c);
        X509Certificate certificate = validCertificate(client.getClientId(), x5c, clock.instant());
        Jwt jwt = verified(signed, certificate, assertion);
        OAuth2TokenValidatorResult claims = claimRules.apply(client).validate(jwt);
        if (claims.hasErrors()) {
            throw new JwtValidationException("the client assertion's claims are wrong", claims.getErrors());
        }
        AssertionLifetime.refusal(signedIssuedAt(signed), jwt.getExpiresAt(), clock.instant())
                .ifPresent(why -> {
                    throw new BadJwtException(why);
                });
        if (jwt.getId() == null || !replay.firstUse(client.getClientId(), jwt.getId(), jwt.getExpiresAt())) {
            throw new BadJwtException("the client assertion was used before (or has no jti)");
        }
        return jwt;
    }

    /**
     * The client's certificate, if its chain is valid now: a chain accepted lately for this client is only checked
     * for validity and revocation again ({@link ValidatedChains}); any other is parsed, held to the client
     * certificate rules and validated in full.
     */
    private X509Certificate validCertificate(String clientId, List<Base64> x5c, Instant now) {
        Optional<ValidatedChains.Chain> known = chains.find(clientId, x5c, now);
        if (known.isPresent()) {
            ValidatedChains.Chain chain = known.get();
            requireAccepted(validator.revalidate(chain.path(), chain.offered(), now));
            return chain.certificate();
        }
        List<X509Certificate> chain;
        try {
            chain = X509CertChainUtils.parse(x5c);
        } catch (ParseException e) {
            throw new BadJwtException("the client assertion is not a signed JWT with a certificate chain");
        }
        X509Certificate certificate = chain.get(0);
        ClientCertificateRules.refusal(certificate, clientId).ifPresent(why -> {
            throw new BadJwtException(why);
        });
        List<X509Certificate> offered = chain.subList(1, chain.size());
        ValidationResult path = validator.validate(certificate, offered, now);
        requireAccepted(path);
        if (!path.path().validPolicies().contains(ServiceClientConfig.SERVICE_CLIENT_POLICY)) {
            // the certificate's own extension said so (ClientCertificateRules), but the path must vouch for it too
            throw new RefusedCertificate(
                    "the certificate path does not vouch for the service-client policy", path.pathNodesVisited());
        }
        chains.remember(clientId, x5c, certificate, offered, path.path());
        return certificate;
    }

    /** The iat as signed (the assertion is verified by now), or null when it has none. */
    private static Instant signedIssuedAt(SignedJWT signed) {
        try {
            java.util.Date issued = signed.getJWTClaimsSet().getIssueTime();
            return issued == null ? null : issued.toInstant();
        } catch (ParseException e) {
            throw new BadJwtException("the client assertion cannot be verified");
        }
    }

    private static void requireAccepted(ValidationResult path) {
        if (!path.accepted()) {
            throw new RefusedCertificate(
                    "the client certificate is refused: " + path.reason(), path.pathNodesVisited());
        }
    }

    /**
     * The {@code x5c} is the client's word until its signature is checked, which needs the path first: so its
     * length and size are bounded before anything is parsed or searched.
     */
    private static void requireBoundedChain(List<Base64> x5c) {
        if (x5c.size() > MAX_X5C_CERTIFICATES) {
            throw new RefusedCertificate(
                    "x5c holds " + x5c.size() + " certificates, at most " + MAX_X5C_CERTIFICATES, 0);
        }
        long bytes = 0;
        for (Base64 certificate : x5c) {
            bytes += certificate.toString().length() * 3L / 4; // the decoded size, give or take the padding
        }
        if (bytes > MAX_X5C_BYTES) {
            throw new RefusedCertificate("x5c holds about " + bytes + " bytes, at most " + MAX_X5C_BYTES, 0);
        }
    }

    /** A refused client certificate, with the partial paths the path search visited before refusing it. */
    static final class RefusedCertificate extends BadJwtException {

        private final int nodesVisited;

        RefusedCertificate(String message, int nodesVisited) {
            super(message);
            this.nodesVisited = nodesVisited;
        }

        int nodesVisited() {
            return nodesVisited;
        }
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
