package org.sscard.relay.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class SubscriptionApiTest extends RelayApiTest {

    @Test
    void buildsThePortalMenuFromSubscriptionsRegistryAndMappings() {
        String person = createPerson();
        Api gateway = as("portal-gateway");
        map(person, "test-hospital", Map.of("localNumber", "M" + System.nanoTime()), "2020-01-01");
        String nhiMapping = map(person, "test-nhi", insuranceCard(), "2020-01-01");
        assertThat(city().post(
                                "/api/v1/persons/" + person + "/subscriptions",
                                Map.of("providerKey", "test-hospital", "serviceKey", "medical-records"))
                        .status())
                .isEqualTo(201);
        assertThat(city().post(
                                "/api/v1/persons/" + person + "/subscriptions",
                                Map.of("providerKey", "test-nhi", "serviceKey", "eligibility"))
                        .status())
                .isEqualTo(201);
        // the NHI's coverage has ended since: the tile stays, marked as not known today
        city().post(
                        "/api/v1/persons/" + person + "/mappings/" + nhiMapping + "/end",
                        Map.of("validTo", "2020-12-31", "reason", "moved to an employer's insurer"));

        JsonNode menu = gateway.get("/api/v1/persons/" + person + "/services").json();
        assertThat(menu).hasSize(2);
        JsonNode hospital =
                menu.get(0).path("providerKey").asText().equals("test-hospital") ? menu.get(0) : menu.get(1);
        assertThat(hospital.path("ssoMethod").asText()).isEqualTo("SAML");
        assertThat(hospital.path("serviceNameJa").asText()).isEqualTo("診療情報");
        assertThat(hospital.path("mapped").asBoolean()).isTrue();
        JsonNode nhi = hospital == menu.get(0) ? menu.get(1) : menu.get(0);
        assertThat(nhi.path("mapped").asBoolean()).isFalse();
    }

    @Test
    void withdrawsOnceAndRefusesDuplicatesAndUnknownServices() {
        String person = createPerson();
        map(person, "test-nhi", insuranceCard(), "2020-01-01");
        Api city = city();
        Api gateway = as("portal-gateway");
        Map<String, String> notices = Map.of("providerKey", "test-nhi", "serviceKey", "medical-expense-notice");
        String id = city.post("/api/v1/persons/" + person + "/subscriptions", notices)
                .json()
                .path("id")
                .asText();
        int subscriptions = count("subscription");
        assertThat(city.post("/api/v1/persons/" + person + "/subscriptions", notices)
                        .problemCode())
                .isEqualTo("DUPLICATE_SUBSCRIPTION");
        assertThat(city.post(
                                "/api/v1/persons/" + person + "/subscriptions",
                                Map.of("providerKey", "test-nhi", "serviceKey", "pension"))
                        .problemCode())
                .isEqualTo("SERVICE_NOT_FOUND");
        assertThat(count("subscription")).isEqualTo(subscriptions);

        Api.Response withdrawn = city.post("/api/v1/persons/" + person + "/subscriptions/" + id + "/withdraw", "{}");
        assertThat(withdrawn.json().path("withdrawnAt").asText()).isNotBlank();
        assertThat(gateway.get("/api/v1/persons/" + person + "/services").json())
                .isEmpty();
        assertThat(city.post("/api/v1/persons/" + person + "/subscriptions/" + id + "/withdraw", "{}")
                        .problemCode())
                .isEqualTo("INVALID_STATE_CHANGE");
        // subscribing again after a withdrawal is a new choice
        assertThat(city.post("/api/v1/persons/" + person + "/subscriptions", notices)
                        .status())
                .isEqualTo(201);
    }
}
