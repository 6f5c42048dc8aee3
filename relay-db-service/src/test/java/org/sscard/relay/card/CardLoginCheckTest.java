package org.sscard.relay.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/** {@code POST /api/v1/cards/login-check}: the card login's one question, the card with its holder. */
class CardLoginCheckTest extends RelayApiTest {

    @Test
    void answersTheCardAndItsPersonAndWhetherThePersonalIdIsTheirsWithOneAccessLogRow() {
        String personalId = newPersonalId();
        String person = city().post("/api/v1/persons", personBody(personalId, null))
                .json()
                .path("id")
                .asText();
        Map<String, Object> card = CardApiTest.card();
        as("card-issuer").post("/api/v1/persons/" + person + "/cards", card);
        int rows = count("access_log");

        Api.Response theirs = as("auth-service")
                .post(
                        "/api/v1/cards/login-check",
                        question("00" + ((String) card.get("certificateSerial")).toUpperCase(), personalId));
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().path("card").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(theirs.json().path("card").path("holderId").asText()).isEqualTo(person);
        assertThat(theirs.json().path("holder").path("id").asText()).isEqualTo(person);
        assertThat(theirs.json().path("holder").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(theirs.json().path("holder").path("personalIdMatches").asBoolean())
                .isTrue();
        assertThat(theirs.body()).doesNotContain(personalId);
        // a resident's name is never part of the login check (only a staff member's, for the staff token)
        assertThat(theirs.json().path("holder").has("nameKanji")).isFalse();
        assertThat(theirs.json().path("holder").has("nameKana")).isFalse();
        assertThat(count("access_log")).isEqualTo(rows + 1);
        assertThat(jdbc.sql("SELECT action || ' ' || caller || ' ' || purpose FROM access_log ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("CARD_LOGIN_CHECK auth-service card login");

        // someone else's personal ID (valid and registered) on this card's certificate: not theirs
        String other = newPersonalId();
        city().post("/api/v1/persons", personBody(other, null));
        Api.Response notTheirs = as("auth-service")
                .post("/api/v1/cards/login-check", question((String) card.get("certificateSerial"), other));
        assertThat(notTheirs.json().path("holder").path("personalIdMatches").asBoolean())
                .isFalse();
        assertThat(notTheirs.json().path("holder").path("id").asText()).isEqualTo(person);

        city().post("/api/v1/persons/" + person + "/status", Map.of("status", "MOVED_OUT"));
        assertThat(as("auth-service")
                        .post("/api/v1/cards/login-check", question((String) card.get("certificateSerial"), personalId))
                        .json()
                        .path("holder")
                        .path("status")
                        .asText())
                .isEqualTo("MOVED_OUT");
    }

    @Test
    void answersAStaffTokenWithTheMembersOrganisationRoleStatusAndName() {
        String staff = city().post(
                        "/api/v1/staff",
                        Map.of(
                                "organisation",
                                "test-hospital",
                                "role",
                                "RECEPTION_CLERK",
                                "nameKanji",
                                "受付",
                                "nameKana",
                                "ウケツケ"))
                .json()
                .path("id")
                .asText();
        Map<String, Object> token = CardApiTest.card();
        as("card-issuer").post("/api/v1/staff/" + staff + "/cards", token);

        Api.Response found = as("auth-service")
                .post("/api/v1/cards/login-check", question((String) token.get("certificateSerial"), null));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("card").path("holderType").asText()).isEqualTo("STAFF");
        assertThat(found.json().path("holder").path("id").asText()).isEqualTo(staff);
        assertThat(found.json().path("holder").path("organisation").asText()).isEqualTo("test-hospital");
        assertThat(found.json().path("holder").path("role").asText()).isEqualTo("RECEPTION_CLERK");
        assertThat(found.json().path("holder").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(found.json().path("holder").path("nameKanji").asText()).isEqualTo("受付");
        assertThat(found.json().path("holder").path("nameKana").asText()).isEqualTo("ウケツケ");
        assertThat(found.json().path("holder").path("personalIdMatches").isBoolean())
                .isFalse();
    }

    @Test
    void refusesUnknownCardsMalformedQuestionsAndEveryClientButAuthService() {
        Api.Response unknown =
                as("auth-service").post("/api/v1/cards/login-check", question("abcdef0123", newPersonalId()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("CARD_NOT_FOUND");
        assertThat(as("auth-service")
                        .post("/api/v1/cards/login-check", question("xyz", null))
                        .status())
                .isEqualTo(400);

        String personalId = newPersonalId();
        String person = city().post("/api/v1/persons", personBody(personalId, null))
                .json()
                .path("id")
                .asText();
        Map<String, Object> card = CardApiTest.card();
        as("card-issuer").post("/api/v1/persons/" + person + "/cards", card);
        String broken = personalId.substring(0, 43) + (personalId.charAt(43) == '0' ? '1' : '0');
        Api.Response malformed = as("auth-service")
                .post("/api/v1/cards/login-check", question((String) card.get("certificateSerial"), broken));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain(broken);

        for (String client : new String[] {"card-issuer", "city-office", "portal-gateway", "insurer-adapters"}) {
            assertThat(as(client)
                            .post(
                                    "/api/v1/cards/login-check",
                                    question((String) card.get("certificateSerial"), personalId))
                            .status())
                    .as(client)
                    .isEqualTo(403);
        }
    }

    private static Map<String, Object> question(String serial, String personalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("certificateSerial", serial);
        if (personalId != null) {
            body.put("personalId", personalId);
        }
        return body;
    }
}
