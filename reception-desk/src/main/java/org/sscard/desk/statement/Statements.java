package org.sscard.desk.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sscard.common.time.PlatformDates;
import org.sscard.desk.config.DeskProperties;

/**
 * Signed eligibility statements: compact JWS, ES256, header {@code typ=eligibility-statement+jwt} (so that it can
 * never pass for an access token, RFC 8725 §3.11) and the key's {@code kid}. Valid until the end of the visit day in
 * Japan ({@code exp} = the next midnight, Asia/Tokyo), addressed to the clerk's hospital ({@code aud}), issued by
 * the desk ({@code iss} = its public URL). Verifiable offline against a saved copy of {@link #publicKeys()}.
 */
@Component
public class Statements {

    public static final JOSEObjectType TYPE = new JOSEObjectType("eligibility-statement+jwt");

    private final ECKey key;
    private final String issuer;

    @org.springframework.beans.factory.annotation.Autowired
    Statements(DeskProperties desk) {
        this(StatementKey.readOrCreate(StatementKey.file(desk.dataDir())), desk.base());
    }

    Statements(ECKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public String sign(StatementClaims statement) {
        LocalDate visitDay = LocalDate.ofInstant(statement.checkedAt(), PlatformDates.ZONE);
        Date endOfVisitDay =
                Date.from(visitDay.plusDays(1).atStartOfDay(PlatformDates.ZONE).toInstant());
        Map<String, Object> clerk = new LinkedHashMap<>();
        clerk.put("sub", statement.clerkSubject());
        if (statement.clerkName() != null) {
            clerk.put("name", statement.clerkName());
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(statement.hospital())
                .issueTime(Date.from(statement.checkedAt()))
                .expirationTime(endOfVisitDay)
                .jwtID(statement.checkId().toString())
                .claim("clerk", clerk)
                .claim("patient_number", statement.patientNumber())
                .claim("outcome", statement.outcome())
                .claim("coverage", statement.coverage())
                .claim("checked_at", statement.checkedAt().toString());
        if (statement.refusal() != null) {
            claims.claim("refusal", statement.refusal());
        }
        if (statement.newCoverage() != null) {
            claims.claim("new_coverage", statement.newCoverage());
        }
        if (statement.previousCoverage() != null) {
            claims.claim("previous_coverage", statement.previousCoverage());
        }
        try {
            SignedJWT jws = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .type(TYPE)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the eligibility statement", e);
        }
    }

    /** The public keys that verify the statements, as a JWKS. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
