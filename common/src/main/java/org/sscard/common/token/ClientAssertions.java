package org.sscard.common.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RFC 7523 client assertions for {@code private_key_jwt}: signed (RS256) with the service client's key, the
 * certificate chain in the {@code x5c} header so that the token endpoint can validate it against the platform CA
 * (path, revocation, profile) instead of keeping a copy of every client's key.
 */
public final class ClientAssertions {

    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private ClientAssertions() {}

    /** The token request's client-authentication parameters: client ID, assertion type and a fresh assertion. */
    public static Map<String, String> parameters(ServiceCredentials credentials, URI tokenEndpoint, Instant now) {
        return Map.of(
                "client_id",
                credentials.clientId(),
                "client_assertion_type",
                TYPE,
                "client_assertion",
                create(credentials, tokenEndpoint, now));
    }

    /** {@code audience}: the token endpoint's URL (or the issuer's), per RFC 7523 section 3. */
    public static String create(ServiceCredentials credentials, URI audience, Instant now) {
        try {
            List<Base64> x5c = new ArrayList<>();
            for (X509Certificate certificate : credentials.chain()) {
                x5c.add(Base64.encode(certificate.getEncoded()));
            }
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .x509CertChain(x5c)
                    .build();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(credentials.clientId())
                    .subject(credentials.clientId())
                    .audience(audience.toString())
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(LIFETIME)))
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(credentials.privateKey()));
            return jwt.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new ServiceTokenException("cannot sign the client assertion of " + credentials.clientId(), e);
        }
    }
}
