package org.sscard.desk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.sscard.common.time.PlatformDates;
import org.sscard.desk.support.DeskTest;
import org.sscard.desk.support.FakePlatform;
import org.sscard.testsupport.pki.TestPki;

/**
 * {@code POST /api/v1/eligibility-checks}: deny by default (no token 401; a resident's, another client's or another
 * role's token 403), the contract's JSON for a completed check, problems for bad input and the rate limit.
 */
class EligibilityCheckApiTest extends DeskTest {

    private static final String PATH = "/api/v1/eligibility-checks";
    private static final PlatformDates DATES = new PlatformDates();
    private static final String INSURERS = "[{\"key\":\"kamogawa-nhi\",\"name_ja\":\"鴨川市 国民健康保険\","
            + "\"name_en\":\"Kamogawa City National Health Insurance\",\"valid_from\":\"2026-11-01\"},"
            + "{\"key\":\"kameda-kenpo\",\"name_ja\":\"亀田健康保険組合\",\"name_en\":\"Kameda Health Insurance Society\","
            + "\"valid_from\":\"2015-04-01\",\"valid_to\":\"2026-10-31\"}]";
    private static final String SSN_BODY = "{\"method\":\"SSN\",\"provisionalSsn\":\"100000000006\","
            + "\"dateOfBirth\":\"1968-05-05\",\"reason\":\"CARD_UNREADABLE\"}";

    private ResultActions check(String token, String body) throws Exception {
        var request = post(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    private static void lostWithNewInsurerKnown() {
        PLATFORM.onToken(
                form -> FakePlatform.granted(form.getOrDefault("audience", "kamogawa-nhi"), "P0067890", INSURERS));
        PLATFORM.onEligibility(insurer -> insurer.equals("kameda-kenpo")
                ? FakePlatform.eligibility("06139999", "2015-04-01", "2026-11-01")
                : new FakePlatform.Answer(404, "{\"code\":\"NO_RECORD\"}"));
    }

    @Test
    void withoutATokenIsUnauthenticated() throws Exception {
        check(null, SSN_BODY)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void aTokenNoJwksPublishesIsUnauthenticated() throws Exception {
        check(TOKENS.forge("sscard-reception", "sscard-reception"), SSN_BODY).andExpect(status().isUnauthorized());
    }

    @Test
    void aResidentsTokenIsForbidden() throws Exception {
        String resident = apiToken(
                newClerk(),
                null,
                "sscard-reception",
                claims -> claims.claim("login_profile", "resident").claim("organisation", null));

        check(resident, SSN_BODY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void aStaffTokenOfAnotherClientIsForbidden() throws Exception {
        check(apiToken(newClerk(), "RECEPTION_CLERK", "reception-desk", claims -> {}), SSN_BODY)
                .andExpect(status().isForbidden());
        check(apiToken(newClerk(), "RECEPTION_CLERK", "portal-gateway", claims -> {}), SSN_BODY)
                .andExpect(status().isForbidden());
    }

    @Test
    void staffOfAnotherRoleIsForbidden() throws Exception {
        check(apiToken(newClerk(), "INSURER_ADMIN", "sscard-reception", claims -> {}), SSN_BODY)
                .andExpect(status().isForbidden());
    }

    @Test
    void nothingElseUnderTheApiIsOpen() throws Exception {
        mvc.perform(get(PATH).header("Authorization", "Bearer " + clerkToken(newClerk(), "RECEPTION_CLERK")))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersACheckByCardWithTheContractsJsonAndASignedStatement() throws Exception {
        lostWithNewInsurerKnown();
        String clerk = newClerk();
        String token = clerkToken(clerk, "RECEPTION_CLERK");
        byte[] der = TestPki.selfSigned("CN=patient card").certificate().getEncoded();

        String json = check(
                        token,
                        "{\"method\":\"CARD\",\"cardCertificate\":\""
                                + PemText.of(der).replace("\n", "\\n") + "\"}")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).as("a PEM certificate").contains("LOST_WITH_NEW_COVERAGE_KNOWN");
        lostWithNewInsurerKnown();

        String answer = check(
                        token,
                        "{\"method\":\"CARD\",\"cardCertificate\":\""
                                + Base64.getEncoder().encodeToString(der) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("LOST_WITH_NEW_COVERAGE_KNOWN"))
                .andExpect(jsonPath("$.refusal").value(nullValue()))
                .andExpect(jsonPath("$.patientNumber").value("P0067890"))
                .andExpect(jsonPath("$.coverage.insurerNumber").value("06139999"))
                .andExpect(jsonPath("$.coverage.insurerName").value("亀田健康保険組合"))
                .andExpect(jsonPath("$.coverage.branch").value("00"))
                .andExpect(jsonPath("$.coverage.lostOn").value("2026-11-01"))
                .andExpect(jsonPath("$.coverage.copayPercent").value(30))
                .andExpect(jsonPath("$.newCoverage.insurerKey").value("kamogawa-nhi"))
                .andExpect(jsonPath("$.previousCoverage").value(nullValue()))
                .andExpect(jsonPath("$.message.ja", containsString("鴨川市 国民健康保険")))
                .andExpect(jsonPath("$.message.en", containsString("1 November 2026")))
                .andExpect(jsonPath("$.checkId").isString())
                .andExpect(jsonPath("$.checkedAt").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // the grant: as reception-desk by private_key_jwt, the clerk's own token as the actor, the DER in base64
        Map<String, String> first = PLATFORM.tokenRequests().get(0);
        assertThat(first)
                .containsEntry("grant_type", "urn:sscard:params:oauth:grant-type:reception-check")
                .containsEntry("client_id", "reception-desk")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("actor_token", token)
                .containsEntry("actor_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("method", "card")
                .containsEntry("card_certificate", Base64.getEncoder().encodeToString(der))
                .doesNotContainKey("audience");
        assertThat(PLATFORM.tokenRequests().get(1)).containsEntry("audience", "kameda-kenpo");
        assertThat(PLATFORM.insurerCalls())
                .extracting(FakePlatform.InsurerCall::insurer)
                .containsExactly("kamogawa-nhi", "kameda-kenpo");
        assertThat(PLATFORM.insurerCalls().get(1).authorization()).isEqualTo("Bearer grant-token-for-kameda-kenpo");

        // the statement verifies against the published JWKS and says the same
        String statement = com.jayway.jsonpath.JsonPath.read(answer, "$.statement");
        String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
        JWKSet keys = JWKSet.parse(mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        SignedJWT jws = SignedJWT.parse(statement);
        assertThat(jws.verify(new ECDSAVerifier(
                        ((ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID())).toECPublicKey())))
                .isTrue();
        assertThat(jws.getJWTClaimsSet().getJWTID()).isEqualTo(checkId);
        assertThat(jws.getJWTClaimsSet().getAudience()).containsExactly(HOSPITAL);

        // the check record: who, which hospital, how, what came out; never the certificate
        Map<String, Object> row = jdbc.sql("SELECT * FROM check_record WHERE check_id = :id::uuid")
                .param("id", checkId)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("clerk", clerk)
                .containsEntry("organisation", HOSPITAL)
                .containsEntry("channel", "API")
                .containsEntry("method", "CARD")
                .containsEntry("outcome", "LOST_WITH_NEW_COVERAGE_KNOWN")
                .containsEntry("patient_number", "P0067890")
                .containsEntry("insurer", "kameda-kenpo");
    }

    @Test
    void aValidCoverageAfterAChangeOfInsurerNamesThePreviousCoverageInTheAnswerAndTheStatement() throws Exception {
        LocalDate today = LocalDate.now(PlatformDates.ZONE);
        LocalDate joined = today.minusDays(6);
        PLATFORM.onToken(form -> FakePlatform.granted(
                "kamogawa-nhi",
                "P0067890",
                "[{\"key\":\"kamogawa-nhi\",\"name_ja\":\"鴨川市 国民健康保険\",\"name_en\":\"Kamogawa City NHI\","
                        + "\"valid_from\":\"" + joined + "\"},"
                        + "{\"key\":\"kameda-kenpo\",\"name_ja\":\"亀田健康保険組合\","
                        + "\"name_en\":\"Kameda Health Insurance Society\",\"valid_from\":\"2015-04-01\","
                        + "\"valid_to\":\"" + joined.minusDays(1) + "\"}]"));
        PLATFORM.onEligibility(insurer -> FakePlatform.eligibility("00138999", joined.toString(), null));

        String answer = check(clerkToken(newClerk(), "RECEPTION_CLERK"), SSN_BODY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VALID"))
                .andExpect(jsonPath("$.coverage.insurerNumber").value("00138999"))
                .andExpect(jsonPath("$.previousCoverage.insurerNameJa").value("亀田健康保険組合"))
                .andExpect(jsonPath("$.previousCoverage.insurerNameEn").value("Kameda Health Insurance Society"))
                .andExpect(jsonPath("$.previousCoverage.lostOn").value(joined.toString()))
                .andExpect(jsonPath("$.message.ja", containsString("前の保険 亀田健康保険組合: " + DATES.japanese(joined))))
                .andExpect(jsonPath("$.message.en", containsString("lost on " + DATES.english(joined))))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(PLATFORM.insurerCalls())
                .as("only the new insurer is asked")
                .extracting(FakePlatform.InsurerCall::insurer)
                .containsExactly("kamogawa-nhi");
        SignedJWT jws = SignedJWT.parse(com.jayway.jsonpath.JsonPath.<String>read(answer, "$.statement"));
        assertThat(jws.getJWTClaimsSet().getJSONObjectClaim("previous_coverage"))
                .containsEntry("insurer_name_ja", "亀田健康保険組合")
                .containsEntry("insurer_name_en", "Kameda Health Insurance Society")
                .containsEntry("lost_on", joined.toString());
        assertThat(jws.getJWTClaimsSet().getStringClaim("outcome")).isEqualTo("VALID");
    }

    @Test
    void anSsnThatMatchesNobodyIsRefusedAsNotMatched() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.grantError(400, "person_not_matched"));

        check(clerkToken(newClerk(), "HOSPITAL_ADMIN"), SSN_BODY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REFUSED"))
                .andExpect(jsonPath("$.refusal").value("NOT_MATCHED"))
                .andExpect(jsonPath("$.coverage").value(nullValue()))
                .andExpect(jsonPath("$.patientNumber").value(nullValue()))
                .andExpect(jsonPath("$.statement").isString());
        assertThat(PLATFORM.tokenRequests().get(0))
                .containsEntry("method", "ssn")
                .containsEntry("provisional_ssn", "100000000006")
                .containsEntry("date_of_birth", "1968-05-05")
                .containsEntry("reason", "CARD_UNREADABLE");
    }

    @Test
    void aSlowInsurerIsNotCompletedWithinTheDeadline() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.granted("kamogawa-nhi", "P0078901", "[{\"key\":\"kamogawa-nhi\"}]"));
        PLATFORM.onEligibility(insurer -> null);
        try {
            check(clerkToken(newClerk(), "RECEPTION_CLERK"), SSN_BODY)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.outcome").value("NOT_COMPLETED"))
                    .andExpect(jsonPath("$.patientNumber").value("P0078901"))
                    .andExpect(jsonPath("$.message.en", containsString("paper insurance card")));
        } finally {
            PLATFORM.releaseHangingInsurers();
        }
    }

    @Test
    void anInsurerAnsweringWithoutItsKeyFieldsIsNotCompleted() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.granted("kamogawa-nhi", "P0078901", "[{\"key\":\"kamogawa-nhi\"}]"));
        PLATFORM.onEligibility(insurer -> new FakePlatform.Answer(200, "{\"symbol\":\"10\",\"copayPercent\":30}"));

        check(clerkToken(newClerk(), "RECEPTION_CLERK"), SSN_BODY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NOT_COMPLETED"))
                .andExpect(jsonPath("$.coverage").value(nullValue()))
                .andExpect(jsonPath("$.message.en", containsString("paper insurance card")));
    }

    @Test
    void refusesWhatIsNotACheckWithAProblem() throws Exception {
        String token = clerkToken(newClerk(), "RECEPTION_CLERK");

        check(token, "{\"method\":\"CARD\",\"cardCertificate\":\"bm90IGEgY2VydGlmaWNhdGU=\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("cardCertificate"));
        check(
                        token,
                        "{\"method\":\"SSN\",\"provisionalSsn\":\"12345\",\"dateOfBirth\":\"1968-05-05\","
                                + "\"reason\":\"CARD_FORGOTTEN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("provisionalSsn"));
        check(token, "{\"method\":\"NAME\"}").andExpect(status().isBadRequest());
    }

    @Test
    void slowsDownAClerkOverTheLimitWithRetryAfterAndFlagsThem() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.grantError(400, "card_suspended"));
        String clerk = newClerk();
        String token = clerkToken(clerk, "RECEPTION_CLERK");
        for (int i = 0; i < MAX_CHECKS; i++) {
            check(token, SSN_BODY).andExpect(jsonPath("$.refusal").value("CARD_SUSPENDED"));
        }

        check(token, SSN_BODY)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("TOO_MANY_CHECKS"));
        assertThat(jdbc.sql("SELECT count(*) FROM clerk_flag WHERE clerk = :clerk")
                        .param("clerk", clerk)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM check_record WHERE clerk = :clerk")
                        .param("clerk", clerk)
                        .query(Integer.class)
                        .single())
                .isEqualTo(MAX_CHECKS);
    }

    @Test
    void describesTheApiInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.paths['/api/v1/eligibility-checks'].post").exists());
    }
}
