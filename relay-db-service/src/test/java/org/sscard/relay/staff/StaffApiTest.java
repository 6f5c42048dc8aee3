package org.sscard.relay.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class StaffApiTest extends RelayApiTest {

    @Test
    void registersStaffOfEachKindOfOrganisation() {
        Api.Response clerk = city().post("/api/v1/staff", staff("test-hospital", "RECEPTION_CLERK"));
        assertThat(clerk.status()).isEqualTo(201);
        assertThat(clerk.json().path("organisation").asText()).isEqualTo("test-hospital");
        assertThat(city().post("/api/v1/staff", staff("test-nhi", "INSURER_ADMIN"))
                        .status())
                .isEqualTo(201);
        assertThat(city().post("/api/v1/staff", staff("test-hospital", "HOSPITAL_ADMIN"))
                        .json()
                        .path("role")
                        .asText())
                .isEqualTo("HOSPITAL_ADMIN");
        Api.Response admin = city().post("/api/v1/staff", staff("city", "CITY_ADMIN"));
        assertThat(admin.json().path("organisation").asText()).isEqualTo("city");

        String id = clerk.json().path("id").asText();
        assertThat(as("card-issuer")
                        .get("/api/v1/staff/" + id)
                        .json()
                        .path("role")
                        .asText())
                .isEqualTo("RECEPTION_CLERK");
        assertThat(as("card-issuer")
                        .get("/api/v1/staff?organisation=test-hospital")
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
    }

    @Test
    void refusesARoleInTheWrongKindOfOrganisationAndWritesNothing() {
        int before = count("staff");
        assertThat(city().post("/api/v1/staff", staff("test-nhi", "RECEPTION_CLERK"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(city().post("/api/v1/staff", staff("test-hospital", "CITY_ADMIN"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(city().post("/api/v1/staff", staff("test-nhi", "HOSPITAL_ADMIN"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(city().post("/api/v1/staff", staff("city", "INSURER_ADMIN")).problemCode())
                .isEqualTo("PROVIDER_NOT_FOUND");
        assertThat(count("staff")).isEqualTo(before);
    }

    @Test
    void changesStatusAndKeepsRetiredFinal() {
        String id = city().post("/api/v1/staff", staff("test-hospital", "RECEPTION_CLERK"))
                .json()
                .path("id")
                .asText();
        assertThat(city().post("/api/v1/staff/" + id + "/status", Map.of("status", "SUSPENDED"))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("SUSPENDED");
        assertThat(city().post("/api/v1/staff/" + id + "/status", Map.of("status", "RETIRED"))
                        .status())
                .isEqualTo(200);
        assertThat(city().post("/api/v1/staff/" + id + "/status", Map.of("status", "ACTIVE"))
                        .problemCode())
                .isEqualTo("INVALID_STATE_CHANGE");
        Api.Response unknown = city().get("/api/v1/staff/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("STAFF_NOT_FOUND");
    }

    static Map<String, Object> staff(String organisation, String role) {
        return Map.of("organisation", organisation, "role", role, "nameKanji", "受付 良子", "nameKana", "ウケツケ ヨシコ");
    }
}
