package org.sscard.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.sscard.common.time.PlatformDates;
import org.sscard.desk.login.DeskAuthority;
import org.sscard.desk.support.DeskTest;
import org.sscard.desk.support.FakePlatform;
import org.sscard.testsupport.pki.TestPki;

/**
 * The desk's pages with a mocked staff card login (the ID token's claims as auth-service writes them) against the
 * fake grant and insurers: the entrance, the two ways in, the answer in words, the statement, the refusal and
 * forbidden pages, the flags.
 */
class DeskPagesTest extends DeskTest {

    /** What spring-security-test's login puts in the session as the clerk's access token. */
    private static final String CLERK_TOKEN = "access-token";

    @Autowired
    ClientRegistrationRepository registrations;

    private OidcLoginRequestPostProcessor staff(String subject, String role, DeskAuthority... authorities) {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("sscard"))
                .idToken(token -> token.subject(subject)
                        .claim("login_profile", "staff")
                        .claim("role", role)
                        .claim("organisation", HOSPITAL)
                        .claim("name", "受付 花子"))
                .authorities(authorities);
    }

    private OidcLoginRequestPostProcessor clerk(String subject) {
        return staff(subject, "RECEPTION_CLERK", DeskAuthority.CLERK);
    }

    private static OidcLoginRequestPostProcessor resident() {
        return oidcLogin()
                .idToken(token -> token.subject(UUID.randomUUID().toString()).claim("login_profile", "resident"));
    }

    @Test
    void theEntranceOffersTheStaffCardLoginInJapaneseFirstAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("職員カードでログイン"),
                                containsString("/oauth2/authorization/sscard"),
                                containsString("lang=en"))));
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Set-Cookie", containsString("SSCARD_LANG=en")))
                .andExpect(content().string(containsString("Log in with the staff card")));
    }

    @Test
    void theLoginGoesToAuthServiceAsReceptionDeskWithPkce() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/sscard"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location)
                .startsWith("https://auth.test/oauth2/authorize?")
                .contains("client_id=reception-desk", "code_challenge_method=S256", "code_challenge=")
                .contains("redirect_uri=https://desk.test/login/oauth2/code/sscard");
    }

    @Test
    void theDeskNeedsALoginAndSendsStrangersToTheEntrance() throws Exception {
        mvc.perform(get("/desk")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/"));
    }

    @Test
    void aClerkSeesBothWaysInWithAWayBackAndOut() throws Exception {
        mvc.perform(get("/desk").with(clerk(newClerk())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("action=\"/desk/card\""),
                                containsString("enctype=\"multipart/form-data\""),
                                containsString("action=\"/desk/ssn\""),
                                containsString("CARD_UNREADABLE"),
                                containsString("CARD_FORGOTTEN"),
                                containsString("action=\"/logout\""),
                                containsString("受付 花子"))));
    }

    @Test
    void aCardUploadAnswersInWordsWithThePatientNumberAndAStatementToDownload() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.granted(
                "kamogawa-nhi",
                "P0078901",
                "[{\"key\":\"kamogawa-nhi\",\"name_ja\":\"鴨川市 国民健康保険\",\"name_en\":\"Kamogawa City NHI\","
                        + "\"valid_from\":\"2020-04-01\"}]"));
        PLATFORM.onEligibility(insurer -> FakePlatform.eligibility("122382", "2020-04-01", null));
        MockHttpSession session = new MockHttpSession();
        byte[] der = TestPki.selfSigned("CN=patient").certificate().getEncoded();
        String subject = newClerk();

        String answer = mvc.perform(multipart("/desk/card")
                        .file(new MockMultipartFile("certificate", "patient.der", "application/pkix-cert", der))
                        .session(session)
                        .with(clerk(subject))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(answer).matches("/desk/checks/[0-9a-f-]{36}");
        assertThat(PLATFORM.tokenRequests().get(0))
                .containsEntry("actor_token", CLERK_TOKEN)
                .containsEntry("method", "card");

        mvc.perform(get(answer).session(session).with(clerk(subject)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("有効な保険資格を確認しました。"),
                                containsString("Valid health insurance coverage confirmed."),
                                containsString("P0078901"),
                                containsString("鴨川市 国民健康保険"),
                                containsString("122382"),
                                containsString(answer + "/statement"),
                                not(containsString("紙の保険証（資格確認書）で確認してください</p>")))));
        String statement = mvc.perform(
                        get(answer + "/statement").session(session).with(clerk(subject)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(statement.split("\\.")).hasSize(3);

        // another session (another clerk's desk) cannot open this answer
        mvc.perform(get(answer).session(new MockHttpSession()).with(clerk(subject)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLostCoverageWithoutNewInsurerNamesTheDateAndNotRegisteredHere() throws Exception {
        PLATFORM.onToken(form ->
                FakePlatform.granted("kameda-kenpo", null, "[{\"key\":\"kameda-kenpo\",\"name_ja\":\"亀田健康保険組合\"}]"));
        PLATFORM.onEligibility(insurer -> FakePlatform.eligibility("06139999", "2015-04-01", "2026-11-01"));
        MockHttpSession session = new MockHttpSession();
        String subject = newClerk();

        String answer = mvc.perform(post("/desk/ssn")
                        .param("provisionalSsn", "1000-0000-0006")
                        .param("dateOfBirth", "1968-05-05")
                        .param("reason", "CARD_FORGOTTEN")
                        .session(session)
                        .with(clerk(subject))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(answer).session(session).with(clerk(subject)))
                .andExpect(content()
                        .string(allOf(
                                containsString("令和8年（2026年）11月1日 に喪失"),
                                containsString("当院ではまだ登録されていません"),
                                containsString("紙の保険証（資格確認書）で確認してください"))));
        assertThat(PLATFORM.tokenRequests().get(0))
                .containsEntry("provisional_ssn", "100000000006")
                .containsEntry("reason", "CARD_FORGOTTEN");
    }

    @Test
    void aValidCoverageAfterAChangeOfInsurerShowsThePreviousCoverageInBothLanguages() throws Exception {
        LocalDate joined = LocalDate.now(PlatformDates.ZONE).minusDays(6);
        PLATFORM.onToken(form -> FakePlatform.granted(
                "kamogawa-nhi",
                "P0067890",
                "[{\"key\":\"kamogawa-nhi\",\"name_ja\":\"鴨川市 国民健康保険\",\"name_en\":\"Kamogawa City NHI\","
                        + "\"valid_from\":\"" + joined + "\"},"
                        + "{\"key\":\"kameda-kenpo\",\"name_ja\":\"亀田健康保険組合\","
                        + "\"name_en\":\"Kameda Health Insurance Society\",\"valid_from\":\"2015-04-01\","
                        + "\"valid_to\":\"" + joined.minusDays(1) + "\"}]"));
        PLATFORM.onEligibility(insurer -> FakePlatform.eligibility("00138999", joined.toString(), null));
        MockHttpSession session = new MockHttpSession();
        String subject = newClerk();
        PlatformDates dates = new PlatformDates();

        String answer = mvc.perform(post("/desk/ssn")
                        .param("provisionalSsn", "100000000006")
                        .param("dateOfBirth", "1968-05-05")
                        .param("reason", "CARD_UNREADABLE")
                        .session(session)
                        .with(clerk(subject))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(answer).session(session).with(clerk(subject)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-outcome=\"VALID\""),
                                containsString("有効な保険資格を確認しました。"),
                                containsString("前の保険 亀田健康保険組合: " + dates.japanese(joined) + " に資格喪失 — 新しい保険者で確認済み"),
                                containsString("Previous coverage at Kameda Health Insurance Society lost on "
                                        + dates.english(joined) + " — the new insurer confirmed"),
                                containsString("<h2>前の保険</h2>"),
                                containsString("class=\"previous-coverage\""))));
        mvc.perform(get(answer).param("lang", "en").session(session).with(clerk(subject)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h2>Previous coverage</h2>"),
                                containsString("Kameda Health Insurance Society"))));
    }

    @Test
    void aSuspendedCardIsSaidPlainly() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.grantError(400, "card_suspended"));
        MockHttpSession session = new MockHttpSession();
        String subject = newClerk();

        String answer = mvc.perform(multipart("/desk/card")
                        .file(new MockMultipartFile(
                                "certificate",
                                "patient.pem",
                                "application/x-pem-file",
                                org.sscard.desk.api.PemText.of(TestPki.selfSigned("CN=p")
                                                .certificate()
                                                .getEncoded())
                                        .getBytes()))
                        .session(session)
                        .with(clerk(subject))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(answer).session(session).with(clerk(subject)).param("lang", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Card suspended (e.g. lost)"),
                                containsString("このカードは一時停止中です"),
                                containsString("Not yet registered here"),
                                containsString("Confirm with the paper insurance card"))));
    }

    @Test
    void aFileThatIsNoCertificateIsSaidOnTheDeskPage() throws Exception {
        mvc.perform(multipart("/desk/card")
                        .file(new MockMultipartFile("certificate", "photo.jpg", "image/jpeg", new byte[] {1, 2, 3}))
                        .with(clerk(newClerk()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("証明書ファイルを読み取れません")));
    }

    @Test
    void aResidentCardLoginIsRefusedWithAWayOut() throws Exception {
        mvc.perform(get("/refused").with(resident()))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(allOf(containsString("この入口は受付の職員専用です"), containsString("action=\"/logout\""))));
        mvc.perform(get("/desk").with(resident()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/forbidden").with(resident()))
                .andExpect(status().isForbidden())
                .andExpect(
                        content().string(allOf(containsString("このページは表示できません"), containsString("action=\"/logout\""))));
    }

    @Test
    void aClerkMayNotSeeTheFlags() throws Exception {
        mvc.perform(get("/flags").with(clerk(newClerk())))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/forbidden").with(clerk(newClerk())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("病院の管理者だけ"), containsString("href=\"/desk\""))));
    }

    @Test
    void theHospitalAdministratorListsTheOwnHospitalsFlagsOnly() throws Exception {
        String ours = newClerk();
        String theirs = newClerk();
        for (String[] flag : new String[][] {{ours, HOSPITAL, "速い 受付"}, {theirs, "other-hospital", "他院 職員"}}) {
            jdbc.sql("""
                            INSERT INTO clerk_flag (flag_id, at, clerk, clerk_name, organisation, checks_in_window,
                                                    max_checks, window_seconds)
                            VALUES (:id, :at, :clerk, :name, :organisation, 61, 60, 600)""")
                    .param("id", UUID.randomUUID())
                    .param("at", Timestamp.from(Instant.now()))
                    .param("clerk", flag[0])
                    .param("name", flag[2])
                    .param("organisation", flag[1])
                    .update();
        }

        mvc.perform(get("/flags").with(staff(newClerk(), "HOSPITAL_ADMIN", DeskAuthority.CLERK, DeskAuthority.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("速い 受付"), containsString(ours), not(containsString(theirs)))));
    }

    @Test
    void logoutEndsTheSessionAtAuthServiceTooAndComesBackToTheEntrance() throws Exception {
        String location = mvc.perform(post("/logout").with(clerk(newClerk())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location)
                .startsWith("https://auth.test/connect/logout")
                .contains("post_logout_redirect_uri=https://desk.test/");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.grantError(400, "person_not_matched"));
        mvc.perform(post("/desk/ssn").param("provisionalSsn", "100000000006").with(clerk(newClerk())))
                .andExpect(status().isForbidden());
        assertThat(PLATFORM.tokenRequests()).isEmpty();
    }
}
