package org.sscard.desk.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.common.time.PlatformDates;

/** Signed eligibility statements: ES256, their own typ, the hospital as aud, valid to the end of the visit day. */
class StatementsTest {

    @TempDir
    Path dataDir;

    private Statements statements() {
        return new Statements(StatementKey.readOrCreate(StatementKey.file(dataDir)), "https://desk.test");
    }

    private static StatementClaims claims(Instant checkedAt) {
        return new StatementClaims(
                UUID.fromString("3f1c1f1e-2b4a-4f43-9d61-7c1d5a0b9e01"),
                "kameda-hospital",
                "6b1f0f5e-9a77-4c2e-bb8e-0f3f8e6f2a11",
                "受付 花子",
                "P0067890",
                "VALID",
                null,
                Map.of("insurer_number", "122382", "copay_percent", 30),
                null,
                null,
                checkedAt);
    }

    private static SignedJWT verified(String statement, JWKSet keys) throws Exception {
        SignedJWT jws = SignedJWT.parse(statement);
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key).as("the kid names a published key").isNotNull();
        assertThat(jws.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
        return jws;
    }

    @Test
    void signsWithES256UnderItsOwnTypAddressedToTheHospital() throws Exception {
        Statements statements = statements();
        Instant checkedAt = ZonedDateTime.parse("2026-12-07T10:15:00+09:00").toInstant();

        SignedJWT jws = verified(statements.sign(claims(checkedAt)), statements.publicKeys());

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getType().getType()).isEqualTo("eligibility-statement+jwt");
        JWTClaimsSet claims = jws.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("kameda-hospital");
        assertThat(claims.getIssuer()).isEqualTo("https://desk.test");
        assertThat(claims.getJWTID()).isEqualTo("3f1c1f1e-2b4a-4f43-9d61-7c1d5a0b9e01");
        assertThat(claims.getStringClaim("patient_number")).isEqualTo("P0067890");
        assertThat(claims.getStringClaim("outcome")).isEqualTo("VALID");
        assertThat(claims.getJSONObjectClaim("clerk")).containsEntry("name", "受付 花子");
        assertThat(claims.getJSONObjectClaim("coverage")).containsEntry("insurer_number", "122382");
        assertThat(claims.getStringClaim("checked_at")).isEqualTo(checkedAt.toString());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(checkedAt);
    }

    @Test
    void expiresAtTheEndOfTheVisitDayInJapan() throws Exception {
        Statements statements = statements();
        // 23:30 in Tokyo is still the 7th there (14:30 UTC); 00:30 on the 8th in Tokyo is the 7th in UTC
        Instant lateEvening = ZonedDateTime.parse("2026-12-07T23:30:00+09:00").toInstant();
        Instant afterMidnight = ZonedDateTime.parse("2026-12-08T00:30:00+09:00").toInstant();

        Instant first = verified(statements.sign(claims(lateEvening)), statements.publicKeys())
                .getJWTClaimsSet()
                .getExpirationTime()
                .toInstant();
        Instant second = verified(statements.sign(claims(afterMidnight)), statements.publicKeys())
                .getJWTClaimsSet()
                .getExpirationTime()
                .toInstant();

        assertThat(first.atZone(PlatformDates.ZONE))
                .isEqualTo(ZonedDateTime.parse("2026-12-08T00:00:00+09:00[Asia/Tokyo]"));
        assertThat(second.atZone(PlatformDates.ZONE))
                .isEqualTo(ZonedDateTime.parse("2026-12-09T00:00:00+09:00[Asia/Tokyo]"));
    }

    @Test
    void aStatementAlteredByOneByteNoLongerVerifies() throws Exception {
        Statements statements = statements();
        String statement = statements.sign(claims(Instant.parse("2026-12-07T01:00:00Z")));
        String[] parts = statement.split("\\.");
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String altered = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("P0067890", "P0067891")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        SignedJWT jws = SignedJWT.parse(altered);
        ECKey key = (ECKey) statements.publicKeys().getKeys().get(0);

        assertThat(jws.verify(new ECDSAVerifier(key.toECPublicKey()))).isFalse();
    }

    @Test
    void keepsOneOwnerOnlyKeyAcrossStartsAndPublishesOnlyItsPublicHalf() throws Exception {
        Statements first = statements();
        String statement = first.sign(claims(Instant.parse("2026-12-07T01:00:00Z")));
        Path file = StatementKey.file(dataDir);

        Statements restarted = statements();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(file.toString()).endsWith("secrets/reception-desk/statement-signing.jwk");
        verified(statement, restarted.publicKeys());
        assertThat(restarted.publicKeys().getKeys())
                .singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(restarted.publicKeys().toString()).doesNotContain("\"d\"");
    }

    @Test
    void carriesThePreviousCoverageWhenThereIsOneAndNothingWhenThereIsNone() throws Exception {
        Statements statements = statements();
        Instant checkedAt = ZonedDateTime.parse("2026-12-07T10:15:00+09:00").toInstant();
        StatementClaims plain = claims(checkedAt);
        StatementClaims withPrevious = new StatementClaims(
                plain.checkId(),
                plain.hospital(),
                plain.clerkSubject(),
                plain.clerkName(),
                plain.patientNumber(),
                plain.outcome(),
                null,
                plain.coverage(),
                null,
                Map.of(
                        "insurer_name_ja", "亀田健康保険組合",
                        "insurer_name_en", "Kameda Health Insurance Society",
                        "lost_on", "2026-12-01"),
                checkedAt);

        JWTClaimsSet signed =
                verified(statements.sign(withPrevious), statements.publicKeys()).getJWTClaimsSet();
        JWTClaimsSet without =
                verified(statements.sign(plain), statements.publicKeys()).getJWTClaimsSet();

        assertThat(signed.getJSONObjectClaim("previous_coverage"))
                .containsEntry("insurer_name_ja", "亀田健康保険組合")
                .containsEntry("insurer_name_en", "Kameda Health Insurance Society")
                .containsEntry("lost_on", "2026-12-01");
        assertThat(signed.getStringClaim("outcome")).isEqualTo("VALID");
        assertThat(without.getClaims()).doesNotContainKey("previous_coverage");
    }
}
