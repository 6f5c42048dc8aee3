package org.sscard.console.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * The city's card actions against the stand-in card issuer and relay: the PIN typed twice, the PKCS#12 offered once,
 * the enrolment code shown once, revocation confirmed before it is asked, and a card serial in the URL that is not
 * the resident's own refused before the card issuer is asked.
 */
class CardActionsTest extends ConsoleTest {

    private static final String P = "/residents/" + Fixtures.PERSON;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesTwoDifferentPinsWithoutAskingAnyBackEnd() throws Exception {
        mvc.perform(post(P + "/soft-card")
                        .param("pin", "4826")
                        .param("pinRepeat", "4862")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("2回入力した暗証番号が一致しません"),
                                containsString("aria-invalid=\"true\""),
                                not(containsString("value=\"4826\"")))));
        mvc.perform(post(P + "/soft-card")
                        .param("pin", "12")
                        .param("pinRepeat", "12")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("暗証番号は数字4〜8桁です")));
        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/reissue")
                        .param("pin", "48261")
                        .param("pinRepeat", "4826")
                        .param("reason", "破損")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("一致しません")));

        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void issuesASoftCardWithOnePinAndOffersItsFileOnceOnly() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String staff = newStaff();

        String issued = mvc.perform(post(P + "/soft-card")
                        .param("pin", "４８２６")
                        .param("pinRepeat", "4826")
                        .param("reason", "新規交付")
                        .session(session)
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(issued).matches("/residents/" + Fixtures.PERSON + "/cards/issued/[0-9a-f-]{36}");
        JsonNode body = json.readTree(only("/issuer/api/v1/cards/soft").body());
        assertThat(body.get("personId").asText()).isEqualTo(Fixtures.PERSON.toString());
        assertThat(body.get("pin").asText())
                .as("full-width digits typed at the counter")
                .isEqualTo("4826");
        assertThat(body.has("personalId")).isFalse();
        mvc.perform(get(issued).session(session).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("C-NEW-1"), containsString(issued + "/file"))));
        mvc.perform(get(issued + "/file").session(session).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("card-C-NEW-1.p12")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().contentType("application/x-pkcs12"))
                .andExpect(content().bytes(Fixtures.PKCS12));
        mvc.perform(get(issued + "/file").session(session).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(redirectedUrl(issued));
        mvc.perform(get(issued).session(session).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(content().string(allOf(containsString("ダウンロード済み"), not(containsString("/file")))));
        // another session (another operator's browser) never finds it
        assertThat(actionsOf(staff))
                .containsExactly(
                        "ISSUE_SOFT_CARD ASKED",
                        "ISSUE_SOFT_CARD DONE",
                        "DOWNLOAD_SOFT_CARD ASKED",
                        "DOWNLOAD_SOFT_CARD DONE");
        assertThat(jdbc.sql("SELECT count(*) FROM admin_action WHERE staff_id = :staff AND (CAST(after AS text) LIKE"
                                + " '%4826%' OR CAST(after AS text) LIKE '%UEtDUzEy%' OR reason LIKE '%4826%')")
                        .param("staff", staff)
                        .query(Integer.class)
                        .single())
                .as("neither the PIN nor the file is recorded")
                .isZero();
    }

    @Test
    void aSoftCardIssuedInOneSessionCannotBeDownloadedFromAnother() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String issued = mvc.perform(post(P + "/soft-card")
                        .param("pin", "4826")
                        .param("pinRepeat", "4826")
                        .session(session)
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(issued + "/file").session(new MockHttpSession()).with(login(Persona.CITY_ADMIN)))
                .andExpect(redirectedUrl(issued));
    }

    @Test
    void showsTheEnrolmentCodeOnceGroupedWithTheCommandToRunAtTheCounter() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String staff = newStaff();

        mvc.perform(post(P + "/token-card")
                        .session(session)
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "/token-card/code"));

        mvc.perform(get(P + "/token-card/code").session(session).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content()
                        .string(allOf(
                                containsString("ABCDE-FGHJK-MNPQR-STVWX"),
                                containsString("bin/sscard-issuer issue-token-card --enrolment-code"))));
        mvc.perform(get(P + "/token-card/code").session(session).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(content().string(allOf(containsString("一度だけ表示されます"), not(containsString("ABCDE-FGHJK")))));
        assertThat(json.readTree(only("/issuer/api/v1/enrolment-codes").body())
                        .get("personId")
                        .asText())
                .isEqualTo(Fixtures.PERSON.toString());
        assertThat(jdbc.sql("SELECT CAST(after AS text) FROM admin_action WHERE staff_id = :staff AND outcome = 'DONE'")
                        .param("staff", staff)
                        .query(String.class)
                        .single())
                .contains("expiresAt")
                .doesNotContain("ABCDE", Fixtures.ENROLMENT_CODE);
    }

    @Test
    void revokesOnlyAfterTheConfirmationWithTheRfc5280Reason() throws Exception {
        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/revoke")
                        .param("case", "KEY_COMPROMISE")
                        .param("reason", "暗証番号を他人に知られた")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("本当に失効させますか"),
                                containsString("name=\"confirmed\" value=\"yes\""),
                                containsString("keyCompromise"))));
        assertThat(PLATFORM.requests())
                .as("nothing is asked before the confirmation")
                .isZero();

        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/revoke")
                        .param("case", "KEY_COMPROMISE")
                        .param("reason", "暗証番号を他人に知られた")
                        .param("confirmed", "yes")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "?done=revoked"));

        FakePlatform.Call revoke = only("/issuer/api/v1/certificates/" + Fixtures.ACTIVE_CERTIFICATE + "/revoke");
        assertThat(json.readTree(revoke.body()).get("reason").asText()).isEqualTo("keyCompromise");
    }

    @Test
    void suspendsAndResumesByTheCertificateSerialOfTheResidentsOwnCard() throws Exception {
        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend")
                        .param("reason", "電車で紛失")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "?done=suspended"));
        only("/issuer/api/v1/certificates/" + Fixtures.ACTIVE_CERTIFICATE + "/suspend");

        PLATFORM.reset();
        org.sscard.console.support.Fixtures.allAnswer(PLATFORM);
        mvc.perform(post(P + "/cards/" + Fixtures.SUSPENDED_CARD + "/resume")
                        .param("reason", "自宅で発見")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "?done=resumed"));
        only("/issuer/api/v1/certificates/" + Fixtures.SUSPENDED_CERTIFICATE + "/resume");
    }

    @Test
    void refusesACardSerialThatIsNotTheResidentsOwnBeforeAskingTheCardIssuer() throws Exception {
        mvc.perform(post(P + "/cards/C-SOMEONE-ELSE/revoke")
                        .param("case", "DAMAGED")
                        .param("reason", "破損")
                        .param("confirmed", "yes")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("このカードはこの住民のものではないか"),
                                containsString("This card is not this resident"))));
        mvc.perform(post(P + "/cards/" + Fixtures.REVOKED_CARD + "/suspend")
                        .param("reason", "紛失")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isConflict());

        assertThat(PLATFORM.calls()).noneMatch(call -> call.path().startsWith("/issuer/"));
    }

    @Test
    void reissuesWithTheNewPinAndTheReasonAndOffersTheNewFileOnce() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String issued = mvc.perform(post(P + "/cards/" + Fixtures.SUSPENDED_CARD + "/reissue")
                        .param("pin", "7391")
                        .param("pinRepeat", "7391")
                        .param("reason", "紛失したカードの再発行")
                        .session(session)
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        JsonNode body = json.readTree(only("/issuer/api/v1/cards/" + Fixtures.SUSPENDED_CARD + "/reissue")
                .body());
        assertThat(body.get("pin").asText()).isEqualTo("7391");
        assertThat(body.get("reason").asText()).isEqualTo("紛失したカードの再発行");
        mvc.perform(get(issued + "/file").session(session).with(login(Persona.CITY_ADMIN)))
                .andExpect(content().bytes(Fixtures.PKCS12));
    }

    @Test
    void aCardActionWithoutItsReasonIsRefusedOnTheForm() throws Exception {
        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend")
                        .param("reason", " ")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("理由を200文字までで入力してください")));
        assertThat(PLATFORM.requests()).isZero();
    }

    private static FakePlatform.Call only(String path) {
        return PLATFORM.calls().stream()
                .filter(call -> call.method().equals("POST") && call.path().equals(path))
                .reduce((a, b) -> {
                    throw new AssertionError("asked twice: " + path);
                })
                .orElseThrow(() -> new AssertionError("never asked: " + path + " in " + PLATFORM.calls()));
    }
}
