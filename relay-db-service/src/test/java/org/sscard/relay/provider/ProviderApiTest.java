package org.sscard.relay.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class ProviderApiTest extends RelayApiTest {

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void servesTheProvidersDeclaredInConfiguration() {
        Api.Response providers = as("portal-gateway").get("/api/v1/providers");
        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.json().findValuesAsText("key")).contains("test-nhi", "test-hospital");
        Api.Response hospital = as("auth-service").get("/api/v1/providers/test-hospital");
        assertThat(hospital.json().path("ssoMethod").asText()).isEqualTo("SAML");
        assertThat(hospital.json().path("samlEntityId").asText()).isEqualTo("http://localhost:9/sp");
        assertThat(hospital.json().path("services").get(0).path("key").asText()).isEqualTo("medical-records");
    }

    @Test
    void servesTheOrganisationsWhoseStaffMayActForAProvidersResidents() {
        assertThat(as("auth-service")
                        .get("/api/v1/providers/test-nhi")
                        .json()
                        .path("staffOrganisations")
                        .toString())
                .isEqualTo("[\"test-hospital\"]");
        assertThat(as("auth-service")
                        .get("/api/v1/providers/test-hospital")
                        .json()
                        .path("staffOrganisations")
                        .toString())
                .isEqualTo("[]");
        Map<String, Object> provider = provider("care-home-" + System.nanoTime() % 100000);
        provider.put("staffOrganisations", List.of("test-hospital"));
        assertThat(city().post("/api/v1/providers", provider).status()).isEqualTo(201);
        assertThat(as("auth-service")
                        .get("/api/v1/providers/" + provider.get("key"))
                        .json()
                        .path("staffOrganisations")
                        .toString())
                .isEqualTo("[\"test-hospital\"]");
        Map<String, Object> badKey = provider("care-home-" + System.nanoTime() % 100000);
        badKey.put("staffOrganisations", List.of("Not A Key"));
        assertThat(city().post("/api/v1/providers", badKey).problemCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void loadsConfigurationIdempotently() throws Exception {
        int providers = count("provider");
        int services = count("provider_service");
        for (ApplicationRunner runner : runners) {
            if (runner instanceof ProviderConfigLoader loader) {
                loader.run(new DefaultApplicationArguments());
                loader.run(new DefaultApplicationArguments());
            }
        }
        assertThat(count("provider")).isEqualTo(providers);
        assertThat(count("provider_service")).isEqualTo(services);
    }

    @Test
    void addsAProviderThroughTheApiWithoutCode() {
        Map<String, Object> provider = provider("care-home-" + System.nanoTime() % 100000);
        Api.Response created = city().post("/api/v1/providers", provider);
        assertThat(created.status()).isEqualTo(201);
        assertThat(as("portal-gateway")
                        .get("/api/v1/providers/" + provider.get("key"))
                        .status())
                .isEqualTo(200);

        Api.Response again = city().post("/api/v1/providers", provider);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("DUPLICATE_PROVIDER");
    }

    @Test
    void rejectsInvalidDefinitionsAndWritesNothing() {
        int before = count("provider");
        Map<String, Object> samlWithoutEndpoints = provider("saml-" + System.nanoTime() % 100000);
        samlWithoutEndpoints.put("ssoMethod", "SAML");
        assertThat(city().post("/api/v1/providers", samlWithoutEndpoints).problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(city().post("/api/v1/providers", provider("Bad Key")).problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(city().post("/api/v1/providers", provider("city")).problemCode())
                .isEqualTo("INVALID_FIELD");
        Map<String, Object> badUrl = provider("badurl");
        badUrl.put("baseUrl", "javascript:alert(1)");
        assertThat(city().post("/api/v1/providers", badUrl).problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(count("provider")).isEqualTo(before);
        assertThat(as("portal-gateway")
                        .post("/api/v1/providers", provider("nope"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void answersAnUnknownProviderWith404() {
        Api.Response unknown = as("portal-gateway").get("/api/v1/providers/no-such-provider");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("PROVIDER_NOT_FOUND");
    }

    private static Map<String, Object> provider(String key) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", key);
        p.put("type", "INSURER");
        p.put("nameJa", "介護施設");
        p.put("nameEn", "Care home");
        p.put("ssoMethod", "PROXY");
        p.put("idScheme", "LOCAL_NUMBER");
        p.put("baseUrl", "https://localhost:9/care");
        p.put(
                "services",
                List.of(Map.of("key", "care-plan", "nameJa", "ケアプラン", "nameEn", "Care plan", "path", "/plan")));
        return p;
    }
}
