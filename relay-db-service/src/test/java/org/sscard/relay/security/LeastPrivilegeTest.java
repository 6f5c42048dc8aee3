package org.sscard.relay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * Each service client holds only what it calls, and a provider's client resolves IDs for its own provider only
 * (issue 15, finding 9).
 */
class LeastPrivilegeTest extends RelayApiTest {

    private String person;
    private String patientNumber;

    @BeforeEach
    void aPatientOfKamedaHospital() {
        Api city = city();
        if (city.get("/api/v1/providers/kameda-hospital").status() == 404) {
            Map<String, Object> hospital = new LinkedHashMap<>();
            hospital.put("key", "kameda-hospital");
            hospital.put("type", "HOSPITAL");
            hospital.put("nameJa", "亀田メディカルセンター");
            hospital.put("nameEn", "Kameda Medical Center");
            hospital.put("ssoMethod", "SAML");
            hospital.put("idScheme", "LOCAL_NUMBER");
            hospital.put("baseUrl", "https://hospital.test");
            hospital.put("samlEntityId", "https://hospital.test/saml");
            hospital.put("samlAcsUrl", "https://hospital.test/saml/acs");
            hospital.put(
                    "services", List.of(Map.of("key", "records", "nameJa", "診療", "nameEn", "Records", "path", "/r")));
            assertThat(city.post("/api/v1/providers", hospital).status()).isEqualTo(201);
        }
        person = createPerson();
        patientNumber = "K" + System.nanoTime() % 1_000_000_000L;
        assertThat(city.post(
                                "/api/v1/persons/" + person + "/mappings",
                                Map.of(
                                        "providerKey",
                                        "kameda-hospital",
                                        "localId",
                                        Map.of("localNumber", patientNumber),
                                        "validFrom",
                                        "2020-01-01"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void insurerAdaptersCannotReverseResolveAHospitalPatient() {
        Api.Response refused = as("insurer-adapters")
                .post(
                        "/api/v1/providers/kameda-hospital/reverse-resolve",
                        Map.of("localId", Map.of("localNumber", patientNumber)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(as("insurer-adapters")
                        .get("/api/v1/persons/" + person + "/providers/kameda-hospital/identity")
                        .status())
                .isEqualTo(403);
        // the same question from the city office, bound to every provider, is answered
        assertThat(city().post(
                                "/api/v1/providers/kameda-hospital/reverse-resolve",
                                Map.of("localId", Map.of("localNumber", patientNumber)))
                        .json()
                        .path("personId")
                        .asText())
                .isEqualTo(person);
    }

    @Test
    void theGatewayNoLongerLooksUpBySsnReverseResolvesOrReadsStaff() {
        Api gateway = as("portal-gateway");
        assertThat(gateway.post(
                                "/api/v1/persons/lookup/by-provisional-ssn",
                                Map.of("provisionalSsn", newProvisionalSsn(), "dateOfBirth", "1958-04-12"))
                        .status())
                .isEqualTo(403);
        assertThat(gateway.post(
                                "/api/v1/providers/kameda-hospital/reverse-resolve",
                                Map.of("localId", Map.of("localNumber", patientNumber)))
                        .status())
                .isEqualTo(403);
        assertThat(gateway.get("/api/v1/staff?organisation=kameda-hospital").status())
                .isEqualTo(403);
    }

    @Test
    void theGatewaySubscribesTheResidentToAProviderThatKnowsThem() {
        // the resident's own choice in My Portal (issue 17): allowed, and only where the provider has their ID
        Api gateway = as("portal-gateway");
        Api.Response joined = gateway.post(
                "/api/v1/persons/" + person + "/subscriptions",
                Map.of("providerKey", "kameda-hospital", "serviceKey", "records"));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(gateway.post(
                                "/api/v1/persons/" + person + "/subscriptions",
                                Map.of("providerKey", "test-nhi", "serviceKey", "eligibility"))
                        .problemCode())
                .isEqualTo("NOT_JOINABLE");
        assertThat(gateway.post(
                                "/api/v1/persons/" + person + "/subscriptions/"
                                        + joined.json().path("id").asText() + "/withdraw",
                                Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aProviderClientResolvesOnlyForItsOwnProvider() {
        Api desk = as("test-nhi-desk"); // RESOLVE and REVERSE_RESOLVE, bound to test-nhi
        Api.Response otherProvider = desk.post(
                "/api/v1/providers/kameda-hospital/reverse-resolve",
                Map.of("localId", Map.of("localNumber", patientNumber)));
        assertThat(otherProvider.status()).isEqualTo(403);
        assertThat(otherProvider.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(desk.get("/api/v1/persons/" + person + "/providers/kameda-hospital/identity")
                        .status())
                .isEqualTo(403);
        // its own provider: asked and answered (the person has no test-nhi ID, hence 404, not 403)
        assertThat(desk.get("/api/v1/persons/" + person + "/providers/test-nhi/identity")
                        .problemCode())
                .isEqualTo("MAPPING_NOT_FOUND");
    }
}
