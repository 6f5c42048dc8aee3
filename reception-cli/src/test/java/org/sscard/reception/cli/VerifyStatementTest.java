package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code verify-statement}: a saved statement checked offline against the saved JWKS; valid only for the hospital
 * it names, before it expires, unaltered, with its own typ and ES256.
 */
class VerifyStatementTest {

    private static final String HOSPITAL = "kameda-hospital";
    /** 2026-11-02 09:30 in Japan; the statement is valid to the end of that day (15:00Z). */
    private static final long IAT = Instant.parse("2026-11-02T00:30:00Z").getEpochSecond();

    private static final long EXP = Instant.parse("2026-11-02T15:00:00Z").getEpochSecond();
    private static final String DURING_THE_VISIT = "2026-11-02T12:00:00+09:00";
    private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @TempDir
    Path dir;

    private final Statements desk = new Statements("desk-2026-1");
    private Path jwks;

    @BeforeEach
    void saveTheDesksKeys() throws Exception {
        jwks = Files.writeString(dir.resolve("desk-jwks.json"), desk.jwks());
    }

    @Test
    void acceptsAStatementForThisHospitalDuringTheVisitDayAndPrintsIt() throws Exception {
        Run run = verify(desk.sign(Statements.claims(HOSPITAL, IAT, EXP)), HOSPITAL, DURING_THE_VISIT);

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.VALID);
        assertThat(run.out())
                .contains("VALID eligibility statement")
                .contains("P0078901")
                .contains("受付 良子")
                .contains("令和8年（2026年）11月2日 09:30 JST")
                .contains("2 November 2026 (Reiwa 8) 09:30 JST")
                .contains("11月3日 00:00 JST")
                .as("the coverage as the desk signs it, snake_case")
                .contains("保険者: ― (00138999)")
                .contains("記号・番号・枝番: 鴨川 / 1007 / 00")
                .as("a statement from before issue 18 has no previous coverage and still verifies")
                .doesNotContain("前の保険");
    }

    @Test
    void printsThePreviousCoverageAStatementCarries() throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(Statements.claims(HOSPITAL, IAT, EXP));
        claims.put(
                "previous_coverage",
                Map.of(
                        "insurer_name_ja", "亀田健康保険組合",
                        "insurer_name_en", "Kameda Health Insurance Society",
                        "lost_on", "2026-11-01"));

        Run run = verify(desk.sign(claims), HOSPITAL, DURING_THE_VISIT);

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.VALID);
        assertThat(run.out())
                .contains("前の保険: 亀田健康保険組合 — 令和8年（2026年）11月1日 に資格喪失（新しい保険者で確認済み）")
                .contains("Previous coverage: Kameda Health Insurance Society — lost on 1 November 2026 (Reiwa 8)");
    }

    @Test
    void printsTheClaimsAsJsonWhenAsked() throws Exception {
        Run run = Run.of(
                "",
                "verify-statement",
                file(desk.sign(Statements.claims(HOSPITAL, IAT, EXP))).toString(),
                "--jwks",
                jwks.toString(),
                "--hospital",
                HOSPITAL,
                "--at",
                DURING_THE_VISIT,
                "--json");

        assertThat(run.exit()).as(run.printed()).isZero();
        assertThat(run.out()).contains("\"patient_number\":\"P0078901\"").contains("\"outcome\":\"VALID\"");
    }

    @Test
    void refusesAStatementForAnotherHospital() throws Exception {
        assertInvalid(
                verify(desk.sign(Statements.claims(HOSPITAL, IAT, EXP)), "other-hospital", DURING_THE_VISIT),
                "not for other-hospital");
    }

    @Test
    void refusesAnExpiredStatement() throws Exception {
        assertInvalid(
                verify(desk.sign(Statements.claims(HOSPITAL, IAT, EXP)), HOSPITAL, "2026-11-03T00:00:00+09:00"),
                "expired");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void refusesAStatementWithOneCharacterAltered(int part) throws Exception {
        String statement = desk.sign(Statements.claims(HOSPITAL, IAT, EXP));

        assertInvalid(verify(Statements.altered(statement, part), HOSPITAL, DURING_THE_VISIT), "");
    }

    @Test
    void refusesTheSignatureWithItsLastCharacterChangedEvenWhenItDecodesToTheSameBytes() throws Exception {
        String statement = desk.sign(Statements.claims(HOSPITAL, IAT, EXP));
        String signingInput = statement.substring(0, statement.lastIndexOf('.') + 1);
        String signature = statement.substring(signingInput.length());
        byte[] bytes = Base64.getUrlDecoder().decode(signature);
        String head = signature.substring(0, signature.length() - 1);

        // 64 bytes are 86 characters, the last carrying 2 bits and 4 unused ones: 15 others decode the same
        List<String> sameBytes = new ArrayList<>();
        for (char c : BASE64URL_ALPHABET.toCharArray()) {
            String other = head + c;
            if (!other.equals(signature) && Arrays.equals(Base64.getUrlDecoder().decode(other), bytes)) {
                sameBytes.add(other);
            }
        }

        assertThat(sameBytes).hasSize(15);
        for (String other : sameBytes) {
            assertInvalid(verify(signingInput + other, HOSPITAL, DURING_THE_VISIT), "signature is not base64url");
        }
        assertThat(verify(statement, HOSPITAL, DURING_THE_VISIT).exit()).isEqualTo(ExitCodes.VALID);
    }

    @Test
    void refusesAPaddedPart() throws Exception {
        String statement = desk.sign(Statements.claims(HOSPITAL, IAT, EXP));

        // 86 characters of signature padded to 88 decode to the very same bytes with java.util.Base64
        assertInvalid(
                verify(statement + "==", HOSPITAL, DURING_THE_VISIT), "signature is not base64url without padding");

        // claims whose length leaves padding, signed over the padded text: the signature is good, the part is not
        Map<String, Object> claims = new LinkedHashMap<>(Statements.claims(HOSPITAL, IAT, EXP));
        claims.put("note", "");
        while (Statements.part(claims).length() % 4 == 0) {
            claims.put("note", claims.get("note") + "x");
        }
        String part = Statements.part(claims);
        String padded = part + "=".repeat(4 - part.length() % 4);
        String header = statement.substring(0, statement.indexOf('.'));

        assertInvalid(
                verify(desk.signed(header + "." + padded), HOSPITAL, DURING_THE_VISIT),
                "claims is not base64url without padding");
        assertThat(verify(desk.signed(header + "." + part), HOSPITAL, DURING_THE_VISIT)
                        .exit())
                .isEqualTo(ExitCodes.VALID);
    }

    @Test
    void refusesAStatementWithOneByteOfItsFileAltered() throws Exception {
        byte[] bytes = desk.sign(Statements.claims(HOSPITAL, IAT, EXP)).getBytes();
        bytes[bytes.length / 2] ^= 0x01;

        Path file = Files.write(dir.resolve("altered.jws"), bytes);
        Run run = Run.of(
                "",
                "verify-statement",
                file.toString(),
                "--jwks",
                jwks.toString(),
                "--hospital",
                HOSPITAL,
                "--at",
                DURING_THE_VISIT);

        assertInvalid(run, "");
    }

    @Test
    void refusesAnAccessTokenOrAnyOtherType() throws Exception {
        String token = desk.sign(
                Map.of("alg", "ES256", "typ", "at+jwt", "kid", desk.kid), Statements.claims(HOSPITAL, IAT, EXP));

        assertInvalid(verify(token, HOSPITAL, DURING_THE_VISIT), "not an eligibility statement");
    }

    @Test
    void refusesAlgNone() throws Exception {
        assertInvalid(
                verify(Statements.unsigned(Statements.claims(HOSPITAL, IAT, EXP)), HOSPITAL, DURING_THE_VISIT),
                "algorithm 'none' refused");
    }

    @Test
    void refusesAStatementSignedByAKeyNotInTheSavedKeys() throws Exception {
        Statements impostor = new Statements(desk.kid);

        assertInvalid(
                verify(impostor.sign(Statements.claims(HOSPITAL, IAT, EXP)), HOSPITAL, DURING_THE_VISIT),
                "signature does not verify");
        assertInvalid(
                verify(
                        new Statements("other-kid").sign(Statements.claims(HOSPITAL, IAT, EXP)),
                        HOSPITAL,
                        DURING_THE_VISIT),
                "no key 'other-kid'");
    }

    private Run verify(String statement, String hospital, String at) throws Exception {
        return Run.of(
                "",
                "verify-statement",
                file(statement).toString(),
                "--jwks",
                jwks.toString(),
                "--hospital",
                hospital,
                "--at",
                at);
    }

    private Path file(String statement) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "statement", ".jws"), statement + "\n");
    }

    private static void assertInvalid(Run run, String reason) {
        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).as(run.printed()).contains("INVALID statement").contains(reason);
    }
}
