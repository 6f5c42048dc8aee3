package org.sscard.console.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Persona;

/**
 * The linkage page: the previous-coverage notices from the insurer's own register (an operator token for the own
 * insurer) and the relay's linkage log (an operator token for the relay), each in words, each paging on its own;
 * the view in admin_action by counts only.
 */
class LinkageTest extends ConsoleTest {

    @Test
    void showsTheNoticesAndTheRelaysLogInWordsWithEachBackEndsOwnToken() throws Exception {
        String staff = newStaff();

        String page = mvc.perform(get("/insurers/kameda-kenpo/linkage").with(login(Persona.KAMEDA_KENPO_ADMIN, staff)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("鴨川 花子", "亀田健康保険組合", "令和8年（2026年）12月1日")
                .contains("この保険者から", "この保険者へ", "資格喪失", "資格を終えた", "照合の確認待ち", "前の保険の資格喪失")
                .contains("06139999|10|2001|01")
                .as("codes in words, never raw")
                .doesNotContain(">ENDED_MAPPING<", ">IN_REVIEW<", ">PREVIOUS_COVERAGE_LOST<", ">RECEIVED<", ">SENT<");
        Map<String, String> audiences = PLATFORM.calls().stream()
                .collect(Collectors.toMap(FakePlatform.Call::path, call -> PLATFORM.audienceOf(call.bearer())));
        assertThat(audiences)
                .containsOnly(
                        Map.entry("/adapters/kameda-kenpo/api/v1/linkage/notices?page=0", "kameda-kenpo"),
                        Map.entry("/relay/api/v1/providers/kameda-kenpo/linkage-log?page=0", "relay-db-service"));
        assertThat(actionsOf(staff)).containsExactly("READ_LINKAGE ASKED", "READ_LINKAGE DONE");
        assertThat(jdbc.sql("SELECT CAST(after AS text) FROM admin_action WHERE staff_id = :s AND outcome = 'DONE'")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .contains("\"notices\": 1", "\"events\": 3")
                .doesNotContain("鴨川", "亀田");
    }

    @Test
    void pagesEachListOnItsOwnAndSaysWhenTheRelayCannotBeReached() throws Exception {
        mvc.perform(get("/insurers/kameda-kenpo/linkage")
                        .param("noticesPage", "2")
                        .param("logPage", "1")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isOk());
        assertThat(PLATFORM.calls())
                .extracting(FakePlatform.Call::path)
                .containsExactly(
                        "/adapters/kameda-kenpo/api/v1/linkage/notices?page=2",
                        "/relay/api/v1/providers/kameda-kenpo/linkage-log?page=1");

        PLATFORM.on("GET", "/relay/api/v1/providers/[^/]+/linkage-log", 502, "{}");
        String page = mvc.perform(get("/insurers/kameda-kenpo/linkage").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isServiceUnavailable())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("相手のシステムにつながらないか", "href=\"/insurers/kameda-kenpo/members\"");
    }
}
