package org.sscard.relay.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class PersonApiTest extends RelayApiTest {

    @Test
    void registersAPersonWithNormalisedKanaAndAnOpaqueIdOnly() {
        String personalId = newPersonalId();
        Map<String, Object> body = personBody(personalId, newProvisionalSsn());
        body.put("nameKana", "ｶﾓｶﾞﾜ  ﾊﾅｺ");
        Api.Response created = city().post("/api/v1/persons", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.json().path("statusHistory")).hasSize(1);
        assertThat(created.body()).doesNotContain(personalId);
        assertThat(created.json().path("id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void readsAPersonAndLogsTheRead() {
        String id = createPerson();
        int logged = count("access_log");
        Api.Response read = as("portal-gateway").get("/api/v1/persons/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("id").asText()).isEqualTo(id);
        assertThat(count("access_log")).isEqualTo(logged + 1);
    }

    @Test
    void findsAPersonByPersonalIdInTheBodyAndNotByUrl() {
        String personalId = newPersonalId();
        String id = city().post("/api/v1/persons", personBody(personalId, null))
                .json()
                .path("id")
                .asText();
        Api.Response found =
                as("card-issuer").post("/api/v1/persons/lookup/by-personal-id", Map.of("personalId", personalId));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("id").asText()).isEqualTo(id);

        Api.Response unknown =
                as("card-issuer").post("/api/v1/persons/lookup/by-personal-id", Map.of("personalId", newPersonalId()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("PERSON_NOT_FOUND");
    }

    @Test
    void findsAPersonByProvisionalNumberOnlyWithTheRightDateOfBirth() {
        String ssn = newProvisionalSsn();
        String id = city().post("/api/v1/persons", personBody(newPersonalId(), ssn))
                .json()
                .path("id")
                .asText();
        Api api = city();
        Api.Response found = api.post(
                "/api/v1/persons/lookup/by-provisional-ssn",
                Map.of("provisionalSsn", ssn, "dateOfBirth", "1958-04-12"));
        assertThat(found.json().path("id").asText()).isEqualTo(id);

        Api.Response wrongBirthday = api.post(
                "/api/v1/persons/lookup/by-provisional-ssn",
                Map.of("provisionalSsn", ssn, "dateOfBirth", "1958-04-13"));
        assertThat(wrongBirthday.status()).isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/persons/lookup/by-provisional-ssn",
                                Map.of("provisionalSsn", "12ab", "dateOfBirth", "1958-04-13"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
    }

    @Test
    void changesStatusWithHistoryAndKeepsDeceasedFinal() {
        String id = createPerson();
        Api city = city();
        Api.Response moved = city.post(
                "/api/v1/persons/" + id + "/status", Map.of("status", "MOVED_OUT", "reason", "moved to Tateyama"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("statusHistory")).hasSize(2);
        assertThat(moved.json().path("statusHistory").get(1).path("reason").asText())
                .isEqualTo("moved to Tateyama");

        assertThat(city.post("/api/v1/persons/" + id + "/status", Map.of("status", "MOVED_OUT"))
                        .problemCode())
                .isEqualTo("INVALID_STATE_CHANGE");
        assertThat(city.post("/api/v1/persons/" + id + "/status", Map.of("status", "DECEASED"))
                        .status())
                .isEqualTo(200);
        Api.Response afterDeath = city.post("/api/v1/persons/" + id + "/status", Map.of("status", "ACTIVE"));
        assertThat(afterDeath.status()).isEqualTo(409);
        assertThat(afterDeath.problemCode()).isEqualTo("INVALID_STATE_CHANGE");
    }

    @Test
    void rejectsEveryMalformedPersonalIdWithItsReasonAndWritesNothing() {
        String valid = newPersonalId();
        Map<String, String> cases = Map.of(
                valid.substring(1),
                "LENGTH",
                valid.substring(0, 10) + "x" + valid.substring(11),
                "NON_DIGIT",
                valid.substring(0, 43) + (char) ('0' + (valid.charAt(43) - '0' + 1) % 10),
                "CHECK_DIGITS");
        int persons = count("person");
        int logged = count("access_log");
        cases.forEach((personalId, reason) -> {
            Api.Response rejected = city().post("/api/v1/persons", personBody(personalId, newProvisionalSsn()));
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.problemCode()).isEqualTo("MALFORMED_PERSONAL_ID");
            assertThat(rejected.json().path("reason").asText()).isEqualTo(reason);
            assertThat(rejected.body()).doesNotContain(personalId);
        });
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("access_log")).isEqualTo(logged);
    }

    @Test
    void refusesDuplicatesWithConflictAndWritesNothing() {
        String personalId = newPersonalId();
        String ssn = newProvisionalSsn();
        assertThat(city().post("/api/v1/persons", personBody(personalId, ssn)).status())
                .isEqualTo(201);
        int persons = count("person");
        int history = count("person_status_history");

        Api.Response samePersonalId = city().post("/api/v1/persons", personBody(personalId, newProvisionalSsn()));
        assertThat(samePersonalId.status()).isEqualTo(409);
        assertThat(samePersonalId.problemCode()).isEqualTo("DUPLICATE_PERSON");
        assertThat(city().post("/api/v1/persons", personBody(newPersonalId(), ssn))
                        .problemCode())
                .isEqualTo("DUPLICATE_PERSON");
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("person_status_history")).isEqualTo(history);
    }

    @Test
    void rejectsInvalidFieldsAndMalformedBodies() {
        Map<String, Object> latin = personBody(newPersonalId(), newProvisionalSsn());
        latin.put("nameKana", "Hanako");
        assertThat(city().post("/api/v1/persons", latin).problemCode()).isEqualTo("INVALID_FIELD");

        Map<String, Object> future = personBody(newPersonalId(), newProvisionalSsn());
        future.put("dateOfBirth", "2999-01-01");
        Api.Response futureBirth = city().post("/api/v1/persons", future);
        assertThat(futureBirth.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(futureBirth.json().path("errors").get(0).path("field").asText())
                .isEqualTo("dateOfBirth");

        Map<String, Object> unknownField = personBody(newPersonalId(), newProvisionalSsn());
        unknownField.put("bloodType", "A");
        assertThat(city().post("/api/v1/persons", unknownField).problemCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(city().post("/api/v1/persons", "{not json").problemCode()).isEqualTo("MALFORMED_REQUEST");
        Map<String, Object> badSex = personBody(newPersonalId(), newProvisionalSsn());
        badSex.put("sex", "X");
        assertThat(city().post("/api/v1/persons", badSex).problemCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void answersUnknownAndMalformedPersonIdsWithProblems() {
        Api.Response unknown = city().get("/api/v1/persons/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("PERSON_NOT_FOUND");
        Api.Response malformed = city().get("/api/v1/persons/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("MALFORMED_REQUEST");
    }
}
