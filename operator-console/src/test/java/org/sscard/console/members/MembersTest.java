package org.sscard.console.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * An insurer's screens: its own members only (another insurer's path is refused before any back end is asked),
 * paged; enrolment and its end with the relay's members API; CSV files to insurer-adapters with an operator token for
 * the own insurer, and the row-level report.
 */
class MembersTest extends ConsoleTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesAnInsurerAdminForAnotherInsurersMembers() throws Exception {
        mvc.perform(get("/insurers/kamogawa-nhi/members").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(post("/insurers/kamogawa-nhi/members")
                        .param("provisionalSsn", "100000000001")
                        .param("dateOfBirth", "1970-04-01")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("insuranceNumber", "9801")
                        .param("insuranceBranch", "00")
                        .param("validFrom", "2026-04-01")
                        .param("reason", "x")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/insurers/kamogawa-nhi/imports")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[] {'a'}))
                        .param("kind", "eligibility")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/insurers/kamogawa-nhi/members/" + Fixtures.MAPPING + "/end")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/insurers/city/members").with(login(Persona.CITY_ADMIN)))
                .andExpect(status().isForbidden());

        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void listsTheOwnInsurersMembersPageByPageAndRecordsTheView() throws Exception {
        String staff = newStaff();
        PLATFORM.on(
                "GET",
                "/relay/api/v1/providers/kamogawa-nhi/members",
                200,
                Fixtures.MEMBERS_JSON.replace("\"page\":0", "\"page\":1").replace("\"total\":2", "\"total\":120"));

        mvc.perform(get("/insurers/kamogawa-nhi/members")
                        .param("page", "1")
                        .with(login(Persona.KAMOGAWA_NHI_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("鴨川 花子"),
                                containsString("太海 健"),
                                containsString("10 2002 00"),
                                containsString("2 / 3"),
                                containsString("/insurers/kamogawa-nhi/members?page=0"),
                                containsString("/insurers/kamogawa-nhi/members?page=2"),
                                containsString("/insurers/kamogawa-nhi/members/" + Fixtures.MAPPING + "/end"),
                                not(containsString("/members/7c7c7c7c-1111-4222-8333-944444444444/end")))));

        assertThat(PLATFORM.calls())
                .singleElement()
                .extracting(FakePlatform.Call::path)
                .isEqualTo("/relay/api/v1/providers/kamogawa-nhi/members?page=1&size=50");
        assertThat(actionsOf(staff)).containsExactly("LIST_MEMBERS ASKED", "LIST_MEMBERS DONE");
        assertThat(jdbc.sql("SELECT DISTINCT acting_for FROM admin_action WHERE staff_id = :s")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .isEqualTo("kamogawa-nhi");
    }

    @Test
    void enrolsAPersonFoundBySsnDateOfBirthAndKanaName() throws Exception {
        String staff = newStaff();
        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .param("provisionalSsn", "1000 0000 0001")
                        .param("dateOfBirth", "1970-04-01")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("insuranceSymbol", "10")
                        .param("insuranceNumber", "２００２")
                        .param("insuranceBranch", "00")
                        .param("validFrom", "2026-04-01")
                        .param("reason", "資格取得届")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/members?done=enrolled"));

        FakePlatform.Call enrol = PLATFORM.calls().get(0);
        assertThat(enrol.path()).isEqualTo("/relay/api/v1/providers/kameda-kenpo/members");
        JsonNode body = json.readTree(enrol.body());
        assertThat(body.get("provisionalSsn").asText()).isEqualTo("100000000001");
        assertThat(body.get("insuranceNumber").asText()).isEqualTo("2002");
        assertThat(body.get("validFrom").asText()).isEqualTo("2026-04-01");
        assertThat(body.get("reason").asText()).isEqualTo("資格取得届");
        assertThat(body.has("localNumber")).isFalse();
        assertThat(actionsOf(staff)).containsExactly("ENROL_MEMBER ASKED", "ENROL_MEMBER DONE");
    }

    @Test
    void saysOneAnswerForAPersonWhoDoesNotMatchAndKeepsTheForm() throws Exception {
        PLATFORM.on(
                "POST",
                "/relay/api/v1/providers/[^/]+/members",
                404,
                "{\"status\":404,\"code\":\"PERSON_NOT_FOUND\",\"detail\":\"no\"}");
        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .param("provisionalSsn", "100000000001")
                        .param("dateOfBirth", "1970-04-01")
                        .param("nameKana", "カモガワ ハナ")
                        .param("localNumber", "K-1")
                        .param("validFrom", "2026-04-01")
                        .param("reason", "資格取得届")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("該当する方が見つかりません"),
                                containsString("Nobody matches"),
                                containsString("value=\"カモガワ ハナ\""))));
    }

    @Test
    void refusesBothKindsOfNumberOrNeitherOnTheForm() throws Exception {
        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .param("provisionalSsn", "100000000001")
                        .param("dateOfBirth", "1970-04-01")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("insuranceNumber", "2002")
                        .param("insuranceBranch", "00")
                        .param("localNumber", "K-1")
                        .param("validFrom", "2026-04-01")
                        .param("reason", "x")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("どちらか一方だけ")));
        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .param("provisionalSsn", "100000000001")
                        .param("dateOfBirth", "1970-04-01")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("validFrom", "2026-04-01")
                        .param("reason", "x")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("番号と枝番（数字2桁）、またはローカル番号")));
        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void endsAMembershipWithTheLastDayAndTheReason() throws Exception {
        mvc.perform(post("/insurers/kameda-kenpo/members/" + Fixtures.MAPPING + "/end")
                        .param("validTo", "2026-10-31")
                        .param("reason", "資格喪失届（退職）")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/members?done=disenrolled"));

        FakePlatform.Call end = PLATFORM.calls().get(0);
        assertThat(end.path()).isEqualTo("/relay/api/v1/providers/kameda-kenpo/members/" + Fixtures.MAPPING + "/end");
        assertThat(json.readTree(end.body()).get("validTo").asText()).isEqualTo("2026-10-31");
        assertThat(json.readTree(end.body()).get("reason").asText())
                .as("NFKC, as the relay stores text")
                .isEqualTo("資格喪失届(退職)");
    }

    @Test
    void uploadsACsvWithAnOperatorTokenForTheOwnInsurerAndShowsEachRejectedRowsProblems() throws Exception {
        PLATFORM.on("POST", "/adapters/[^/]+/api/v1/imports/[^/]+", 422, Fixtures.REJECTED_PROBLEM);
        String staff = newStaff();
        byte[] csv = "insurer_number,symbol\n122382,鴨川\n".getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/insurers/kamogawa-nhi/imports")
                        .file(new MockMultipartFile("file", "C:\\exports\\bad.csv", "text/csv", csv))
                        .param("kind", "notices")
                        .with(login(Persona.KAMOGAWA_NHI_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-status=\"REJECTED\""),
                                containsString("何も取り込みませんでした"),
                                containsString("nothing was imported"),
                                containsString("data-line=\"3\""),
                                containsString("data-line=\"7\""),
                                containsString("birth_date"),
                                containsString("2桁ではありません / not 2 digits"))));

        FakePlatform.Call upload = PLATFORM.calls().get(0);
        assertThat(upload.path()).isEqualTo("/adapters/kamogawa-nhi/api/v1/imports/notices?fileName=bad.csv");
        assertThat(upload.body()).isEqualTo(new String(csv, StandardCharsets.UTF_8));
        assertThat(PLATFORM.audienceOf(upload.bearer())).isEqualTo("kamogawa-nhi");
        assertThat(PLATFORM.tokenRequests().get(0)).containsEntry("audience", "kamogawa-nhi");
        assertThat(jdbc.sql("SELECT CAST(after AS text) FROM admin_action WHERE staff_id = :s AND outcome = 'DONE'")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .contains("REJECTED", "\"errorCount\": 3");
    }

    @Test
    void showsAnAcceptedImportAndRefusesAnUnknownKindOrNoFile() throws Exception {
        mvc.perform(multipart("/insurers/kameda-kenpo/imports")
                        .file(new MockMultipartFile("file", "eligibility.csv", "text/csv", new byte[] {'a'}))
                        .param("kind", "eligibility")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("data-status=\"IMPORTED\""), containsString("すべての行を取り込みました"))));
        PLATFORM.reset();

        mvc.perform(multipart("/insurers/kameda-kenpo/imports")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {'a'}))
                        .param("kind", "contributions")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ファイルの種類を選んでください")));
        mvc.perform(multipart("/insurers/kameda-kenpo/imports")
                        .param("kind", "eligibility")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("CSV ファイルを選んでください")));
        assertThat(PLATFORM.requests()).isZero();
    }
}
