package org.sscard.console.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * An insurer's screens: its own members only (another insurer's path is refused before any back end is asked), from
 * the insurer's own register at insurer-adapters, paged and searchable; CSV files to insurer-adapters with an operator
 * token for the own insurer, and the row-level report.
 */
class MembersTest extends ConsoleTest {

    @Test
    void refusesAnInsurerAdminForAnotherInsurersMembers() throws Exception {
        mvc.perform(get("/insurers/kamogawa-nhi/members").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(post("/insurers/kamogawa-nhi/members")
                        .params(JoinersAndLeaversTest.joiner())
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/insurers/kamogawa-nhi/imports")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[] {'a'}))
                        .param("kind", "eligibility")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/insurers/kamogawa-nhi/members/loss")
                        .param("member", Fixtures.LOCAL_ID)
                        .with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/insurers/kamogawa-nhi/members/loss")
                        .param("localId", Fixtures.LOCAL_ID)
                        .param("lostOn", "2026-12-01")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/insurers/city/members").with(login(Persona.CITY_ADMIN)))
                .andExpect(status().isForbidden());

        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void listsTheOwnInsurersMembersFromItsRegisterPageByPageAndRecordsTheView() throws Exception {
        String staff = newStaff();
        PLATFORM.on(
                "GET",
                "/adapters/kamogawa-nhi/api/v1/members",
                200,
                Fixtures.MEMBERS_JSON.replace("\"page\":0", "\"page\":1").replace("\"total\":2", "\"total\":120"));

        mvc.perform(get("/insurers/kamogawa-nhi/members")
                        .param("page", "1")
                        .with(login(Persona.KAMOGAWA_NHI_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("天津 さくら"),
                                containsString("太海 健"),
                                containsString("10 2001 01"),
                                containsString("被扶養者（家族）"),
                                containsString("加入中"),
                                containsString("退職"),
                                containsString("2 / 3"),
                                containsString("/insurers/kamogawa-nhi/members?page=0"),
                                containsString("/insurers/kamogawa-nhi/members?page=2"),
                                containsString("/insurers/kamogawa-nhi/members/loss?member=06139999%7C10%7C2001%7C01"),
                                containsString("資格喪失を登録"))));

        FakePlatform.Call call = PLATFORM.calls().get(0);
        assertThat(PLATFORM.calls()).hasSize(1);
        assertThat(call.path()).isEqualTo("/adapters/kamogawa-nhi/api/v1/members?page=1&size=50");
        assertThat(PLATFORM.audienceOf(call.bearer())).isEqualTo("kamogawa-nhi");
        assertThat(actionsOf(staff)).containsExactly("LIST_MEMBERS ASKED", "LIST_MEMBERS DONE");
        assertThat(jdbc.sql("SELECT DISTINCT acting_for FROM admin_action WHERE staff_id = :s")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .isEqualTo("kamogawa-nhi");
    }

    @Test
    void searchesByAKanaOrNumberPrefixAndKeepsTheQueryOutOfTheRecord() throws Exception {
        String staff = newStaff();

        mvc.perform(get("/insurers/kameda-kenpo/members")
                        .param("q", "ｱﾏﾂ")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"アマツ\""), containsString("検索の結果"))));

        FakePlatform.Call call = PLATFORM.calls().get(0);
        assertThat(URLDecoder.decode(call.path(), StandardCharsets.UTF_8))
                .as("NFKC: half-width kana become full-width")
                .isEqualTo("/adapters/kameda-kenpo/api/v1/members?page=0&size=50&q=アマツ");
        String recorded = jdbc.sql(
                        "SELECT CAST(after AS text) FROM admin_action WHERE staff_id = :s AND outcome = 'DONE'")
                .param("s", staff)
                .query(String.class)
                .single();
        assertThat(recorded).contains("\"searched\": true").doesNotContain("アマツ");
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
