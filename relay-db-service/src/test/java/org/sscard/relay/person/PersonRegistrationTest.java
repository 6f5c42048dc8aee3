package org.sscard.relay.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/** Registration at the city office's counter (issue 17): the address, and a personal ID the relay issues itself. */
class PersonRegistrationTest extends RelayApiTest {

    @Test
    void issuesAValidPersonalIdWhenTheCityOfficeRegistersSomeoneWithoutOne() {
        Map<String, Object> body = personBody(null, newProvisionalSsn());
        body.remove("personalId");
        Api.Response created = city().post("/api/v1/persons", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();

        String issued = jdbc.sql("SELECT personal_id FROM person WHERE opaque_id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single();
        // common's rules: version 01, Kamogawa with its check digit, MOD 97-10; the relay's own look-up finds them
        assertThat(PersonalIdFormat.standard().parse(issued).digits()).startsWith("01122238");
        assertThat(created.body()).doesNotContain(issued);
        assertThat(as("card-issuer")
                        .post("/api/v1/persons/lookup/by-personal-id", Map.of("personalId", issued))
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo(id);
    }

    @Test
    void givesThePersonalIdByOpaqueIdToTheCardIssuerAloneAndLogsTheRead() {
        Map<String, Object> body = personBody(null, newProvisionalSsn());
        body.remove("personalId");
        String id = city().post("/api/v1/persons", body).json().path("id").asText();
        String stored = jdbc.sql("SELECT personal_id FROM person WHERE opaque_id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single();

        Api.Response read = as("card-issuer").get("/api/v1/persons/" + id + "/personal-id");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("personalId").asText()).isEqualTo(stored);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        WHERE p.opaque_id = :id::uuid AND a.action = 'PERSONAL_ID_READ' AND a.caller = 'card-issuer'""").param("id", id).query(Integer.class).single()).isEqualTo(1);
        for (String client : new String[] {"city-office", "portal-gateway", "auth-service"}) {
            assertThat(as(client).get("/api/v1/persons/" + id + "/personal-id").status())
                    .as(client)
                    .isEqualTo(403);
        }
        assertThat(as("card-issuer")
                        .get("/api/v1/persons/" + java.util.UUID.randomUUID() + "/personal-id")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void storesTheAddressNormalisedAndShowsItOnEveryRead() {
        Map<String, Object> body = personBody(newPersonalId(), newProvisionalSsn());
        body.put("address", "  千葉県鴨川市横渚１００１－１\u3000コーポ横渚　１０１ ");
        Api.Response created = city().post("/api/v1/persons", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("address").asText()).isEqualTo("千葉県鴨川市横渚1001-1 コーポ横渚 101");

        Api.Response read =
                city().get("/api/v1/persons/" + created.json().path("id").asText());
        assertThat(read.json().path("address").asText()).isEqualTo("千葉県鴨川市横渚1001-1 コーポ横渚 101");
        assertThat(read.json().path("provisionalSsn").asText()).isEqualTo(body.get("provisionalSsn"));
    }

    @Test
    void registersWithoutAnAddressAndRefusesOneOverThreeHundredCharacters() {
        Api.Response none = city().post("/api/v1/persons", personBody(newPersonalId(), newProvisionalSsn()));
        assertThat(none.status()).isEqualTo(201);
        assertThat(none.json().has("address")).isFalse();

        int persons = count("person");
        Map<String, Object> tooLong = personBody(newPersonalId(), newProvisionalSsn());
        tooLong.put("address", "鴨".repeat(301));
        Api.Response refused = city().post("/api/v1/persons", tooLong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
        // NFKC may lengthen an address (㍿ → 株式会社): the stored form is checked too
        Map<String, Object> longOnceNormalised = personBody(newPersonalId(), newProvisionalSsn());
        longOnceNormalised.put("address", "㍿".repeat(100));
        assertThat(city().post("/api/v1/persons", longOnceNormalised).problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(count("person")).isEqualTo(persons);
    }

    @Test
    void refusesADuplicateProvisionalSsnAlsoWhenTheRelayIssuesThePersonalId() {
        String ssn = newProvisionalSsn();
        Map<String, Object> first = personBody(null, ssn);
        first.remove("personalId");
        assertThat(city().post("/api/v1/persons", first).status()).isEqualTo(201);
        Map<String, Object> again = personBody(null, ssn);
        again.remove("personalId");
        Api.Response duplicate = city().post("/api/v1/persons", again);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemCode()).isEqualTo("DUPLICATE_PERSON");
    }
}
