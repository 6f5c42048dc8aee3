package org.sscard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Japanese first, English always: no message exists in one language only. */
class MessagesTest {

    @Test
    void everyMessageHasItsJapaneseAndItsEnglish() throws IOException {
        Properties ja = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");

        assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(ja.stringPropertyNames())
                .allSatisfy(key -> assertThat(ja.getProperty(key)).isNotBlank());
        assertThat(en.stringPropertyNames())
                .allSatisfy(key -> assertThat(en.getProperty(key)).isNotBlank());
    }

    @Test
    void theDependantReviewSaysTheInsurersConflictsInBothLanguages() throws IOException {
        for (Properties bundle : new Properties[] {bundle("messages.properties"), bundle("messages_en.properties")}) {
            assertThat(bundle.stringPropertyNames())
                    .contains(
                            "nav.dependants",
                            "problem.VERIFICATION_DECIDED",
                            "problem.MEMBER_CHANGED",
                            "problem.NO_VERIFICATION",
                            "problem.REASON_REQUIRED",
                            "dependants.confirm.text",
                            "invalid.returnReason");
        }
    }

    @Test
    void theLinkageScreensSayTheBackEndsConflictsAndEveryItemStateAndDecisionInBothLanguages() throws IOException {
        for (Properties bundle : new Properties[] {bundle("messages.properties"), bundle("messages_en.properties")}) {
            assertThat(bundle.stringPropertyNames())
                    .contains(
                            "problem.MEMBER_EXISTS",
                            "problem.LOSS_ALREADY_REGISTERED",
                            "problem.REVIEW_DECIDED",
                            "review.state.AGREES",
                            "review.state.DIFFERS",
                            "review.state.MISSING",
                            "review.kind.MISMATCH",
                            "review.kind.NO_CANDIDATE",
                            "review.kind.DISPUTED",
                            "review.decision.LINK",
                            "review.decision.REJECT",
                            "review.decision.CONFIRM_NOT_THEIRS",
                            "review.decision.REINSTATE",
                            "confirm.text.LINK",
                            "confirm.text.CONFIRM_NOT_THEIRS");
            for (String item : new String[] {"KANA_NAME", "KANJI_NAME", "DATE_OF_BIRTH", "SEX", "ADDRESS"}) {
                assertThat(bundle.stringPropertyNames()).contains("review.item." + item);
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
