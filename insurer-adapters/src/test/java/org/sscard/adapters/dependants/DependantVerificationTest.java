package org.sscard.adapters.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.adapters.dependants.TestHouseholds.KENPO;
import static org.sscard.adapters.dependants.TestHouseholds.localId;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * The insured person's side of 被扶養者確認, with their own pairwise token as the gateway sends it: this year's
 * dependants, one answer for each, all or nothing; a dependant, a staff member acting for the person or an operator
 * cannot answer; every read and the submission in the access logs of the insured and of each dependant.
 */
class DependantVerificationTest extends AdaptersTest {

    static final String PATH = "/" + KENPO + "/api/v1/dependant-verification";

    @Autowired
    Importer importer;

    private String household(String... dependants) {
        String number = TestHouseholds.newNumber();
        TestHouseholds.load(importer, number, dependants);
        return number;
    }

    static String insured(String number) {
        return Tokens.person(localId(number, "00"), KENPO);
    }

    static String answers(String... pairs) {
        StringBuilder json = new StringBuilder("{\"answers\":[");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"dependant\":\"")
                    .append(pairs[i])
                    .append("\",\"answer\":\"")
                    .append(pairs[i + 1])
                    .append("\",\"note\":\"\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    void showsTheInsuredTheirCurrentDependantsAndThatTheVerificationIsDue() {
        String number = household("さくら");

        Http.Response response = Http.get(port, PATH, insured(number));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode state = response.json();
        assertThat(state.path("state").asText()).isEqualTo("DUE");
        assertThat(state.path("fiscalYear").asInt()).isBetween(2024, 2999);
        assertThat(state.path("insured").path("nameKanji").asText()).isEqualTo("天津 一郎");
        assertThat(state.path("insured").path("branch").asText()).isEqualTo("00");
        assertThat(state.path("dependants")).hasSize(1);
        JsonNode sakura = state.path("dependants").get(0);
        assertThat(sakura.path("branch").asText()).isEqualTo("01");
        assertThat(sakura.path("nameKanji").asText()).isEqualTo("天津 さくら");
        assertThat(sakura.path("nameKana").asText()).isEqualTo("アマツ サクラ");
        assertThat(sakura.path("dateOfBirth").asText()).isEqualTo("2000-02-14");
        assertThat(sakura.path("relationship").asText()).isEqualTo("DEPENDANT");
        assertThat(sakura.has("localId"))
                .as("dependants are named by branch only")
                .isFalse();
        assertThat(state.has("submission")).isFalse();
        assertThat(actors(localId(number, "00"), "DEPENDANT_VERIFICATION_READ")).containsExactly("本人 / the person");
        assertThat(actors(localId(number, "01"), "DEPENDANT_VERIFICATION_READ"))
                .containsExactly("被保険者 / the insured person");
    }

    @Test
    void theInsuredSubmitsOneAnswerPerDependantAndTheInsurerWillReviewIt() {
        String number = household("さくら", "はると");
        String body = "{\"answers\":[{\"dependant\":\"01\",\"answer\":\"STILL_DEPENDANT\"},"
                + "{\"dependant\":\"02\",\"answer\":\"NO_LONGER_DEPENDANT\",\"note\":\"４月に就職しました\"}]}";

        Http.Response created = Http.postJson(port, PATH, insured(number), body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode submission = created.json().path("submission");
        assertThat(created.json().path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(submission.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submission.path("submittedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(submission.path("answers").findValuesAsText("dependant")).containsExactly("01", "02");
        assertThat(submission.path("answers").get(1).path("answer").asText()).isEqualTo("NO_LONGER_DEPENDANT");
        assertThat(submission.path("answers").get(1).path("note").asText()).isEqualTo("４月に就職しました");
        assertThat(submission.path("answers").get(0).has("note")).isFalse();
        assertThat(Http.get(port, PATH, insured(number)).json().path("state").asText())
                .isEqualTo("SUBMITTED");
        assertThat(Http.get(port, "/" + KENPO + "/api/v1/summary", insured(number))
                        .json()
                        .path("dependantVerification")
                        .path("state")
                        .asText())
                .isEqualTo("SUBMITTED");

        Http.Response again = Http.postJson(port, PATH, insured(number), body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("ALREADY_SUBMITTED");
        UUID id = UUID.fromString(submission.path("id").asText());
        assertThat(count("SELECT count(*) FROM kameda_kenpo.dependant_answer WHERE verification_id = ?", id))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.write_audit WHERE verification_id = ?"
                                + " AND action = 'DEPENDANT_VERIFICATION_SUBMIT' AND local_id = ?",
                        id,
                        localId(number, "00")))
                .isEqualTo(1);
        assertThat(actors(localId(number, "02"), "DEPENDANT_VERIFICATION_SUBMIT"))
                .containsExactly("被保険者 / the insured person");
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.member WHERE local_id = ? AND lost_on IS NULL",
                        localId(number, "02")))
                .as("nothing changes before the insurer accepts")
                .isEqualTo(1);
    }

    @Test
    void aDependantsOwnTokenCannotAnswerNorSeeTheHousehold() {
        String number = household("さくら");
        String dependant = Tokens.person(localId(number, "01"), KENPO);

        Http.Response submitted = Http.postJson(port, PATH, dependant, answers("01", "STILL_DEPENDANT"));
        Http.Response read = Http.get(port, PATH, dependant);

        assertThat(submitted.status()).isEqualTo(403);
        assertThat(submitted.json().path("code").asText()).isEqualTo("NOT_INSURED");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().path("code").asText()).isEqualTo("NOT_INSURED");
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.dependant_verification WHERE insured_local_id LIKE ?",
                        "%|" + number + "|%"))
                .isZero();
    }

    @Test
    void refusesAnswersThatMissDuplicateOrInventADependantOrCarryALongNote() {
        String number = household("さくら", "はると");
        String token = insured(number);

        assertRefused(Http.postJson(port, PATH, token, answers("01", "STILL_DEPENDANT")), "not answered: 02");
        assertRefused(
                Http.postJson(
                        port,
                        PATH,
                        token,
                        answers("01", "STILL_DEPENDANT", "02", "STILL_DEPENDANT", "02", "NO_LONGER_DEPENDANT")),
                "answered more than once: 02");
        assertRefused(
                Http.postJson(
                        port,
                        PATH,
                        token,
                        answers("01", "STILL_DEPENDANT", "02", "STILL_DEPENDANT", "00", "NO_LONGER_DEPENDANT")),
                "not a current dependant: 00");
        String longNote = "{\"answers\":[{\"dependant\":\"01\",\"answer\":\"STILL_DEPENDANT\"},"
                + "{\"dependant\":\"02\",\"answer\":\"STILL_DEPENDANT\",\"note\":\"" + "あ".repeat(201) + "\"}]}";
        assertRefused(Http.postJson(port, PATH, token, longNote), "longer than 200");
        Http.Response badAnswer = Http.postJson(port, PATH, token, answers("01", "MAYBE", "02", "STILL_DEPENDANT"));
        assertThat(badAnswer.status()).isEqualTo(400);
        Http.Response noAnswers = Http.postJson(port, PATH, token, "{}");
        assertThat(noAnswers.status()).isEqualTo(400);
        assertThat(noAnswers.json().path("code").asText()).isEqualTo("INVALID_FIELD");

        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.dependant_verification WHERE insured_local_id = ?",
                        localId(number, "00")))
                .isZero();
        assertThat(Http.get(port, PATH, token).json().path("state").asText()).isEqualTo("DUE");
    }

    @Test
    void anInsuredWithoutDependantsHasNothingToVerify() {
        String number = household();

        assertThat(Http.get(port, PATH, insured(number)).json().path("state").asText())
                .isEqualTo("NOT_REQUIRED");
        Http.Response submitted = Http.postJson(port, PATH, insured(number), "{\"answers\":[]}");
        assertThat(submitted.status()).isEqualTo(409);
        assertThat(submitted.json().path("code").asText()).isEqualTo("NOTHING_TO_VERIFY");
        assertThat(Http.get(port, "/" + KENPO + "/api/v1/summary", insured(number))
                        .json()
                        .has("dependantVerification"))
                .isFalse();
    }

    @Test
    void onlyThePersonThemselfAnswersNotStaffActingForThemNorAnOperatorNorAPensionOffice() {
        String number = household("さくら");
        String staff = Tokens.staff(localId(number, "00"), KENPO, "staff-0042", KENPO);
        String operator =
                Tokens.operator("operator-console", KENPO, UUID.randomUUID().toString(), "INSURER_ADMIN", KENPO);

        for (String token : new String[] {staff, operator}) {
            assertThat(Http.get(port, PATH, token).status()).isEqualTo(403);
            Http.Response refused = Http.postJson(port, PATH, token, answers("01", "STILL_DEPENDANT"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("code").asText()).isEqualTo("FORBIDDEN");
        }
        Http.Response pension = Http.get(
                port,
                "/pension-office/api/v1/dependant-verification",
                Tokens.person(localId(number, "00"), "pension-office"));
        assertThat(pension.status()).isEqualTo(404);
        assertThat(pension.json().path("code").asText()).isEqualTo("NOT_THIS_KIND");
        assertThat(Http.get(port, PATH, null).status()).isEqualTo(401);
    }

    private static void assertRefused(Http.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("ANSWERS_INVALID");
        assertThat(response.json().path("detail").asText()).contains(detail);
    }

    private java.util.List<String> actors(String localId, String action) {
        return jdbc.sql("SELECT DISTINCT actor FROM kameda_kenpo.access_log WHERE local_id = ? AND action = ?")
                .params(localId, action)
                .query(String.class)
                .list();
    }
}
