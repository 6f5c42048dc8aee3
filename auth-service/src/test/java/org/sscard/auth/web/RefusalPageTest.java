package org.sscard.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

class RefusalPageTest {

    enum TestReason implements RefusalPage.Reason {
        CARD_LOCKED;

        @Override
        public RefusalPage.Message message() {
            return new RefusalPage.Message(HttpStatus.FORBIDDEN, "カードがロックされています。", "The card is locked.");
        }
    }

    @Test
    void writesTheFlowsHeadingsAndTheReasonJapaneseFirstThenEnglish() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RefusalPage("Sscard-Test-Refusal", "できませんでした", "Refused").write(response, TestReason.CARD_LOCKED);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Sscard-Test-Refusal")).isEqualTo("CARD_LOCKED");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<html lang=\"ja\">")
                .contains("<title>できませんでした / Refused</title>")
                .contains("<h1>できませんでした</h1>")
                .contains("<h2 class=\"en\" lang=\"en\">Refused</h2>")
                .contains("<code id=\"reason\">CARD_LOCKED</code>");
        assertThat(page.indexOf("カードがロックされています。")).isLessThan(page.indexOf("The card is locked."));
    }
}
