package org.sscard.relay.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/** Which services a person may join: only where the provider holds their ID today (issue 17). */
class ServiceChoicesTest extends RelayApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Test
    void showsEveryRegisteredServiceAsJoinedJoinableOrNotKnown() {
        String person = createPerson();
        map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String joined = city().post(
                        "/api/v1/persons/" + person + "/subscriptions",
                        Map.of("providerKey", "test-nhi", "serviceKey", "eligibility"))
                .json()
                .path("id")
                .asText();
        int logged = count("access_log");

        Api.Response choices = as("portal-gateway").get("/api/v1/persons/" + person + "/service-choices");

        assertThat(choices.status()).isEqualTo(200);
        Map<String, JsonNode> byService = new HashMap<>();
        choices.json()
                .forEach(c -> byService.put(
                        c.path("providerKey").asText() + "/"
                                + c.path("serviceKey").asText(),
                        c));
        assertThat(byService)
                .containsKeys(
                        "test-nhi/eligibility", "test-nhi/medical-expense-notice", "test-hospital/medical-records");
        JsonNode eligibility = byService.get("test-nhi/eligibility");
        assertThat(eligibility.path("state").asText()).isEqualTo("JOINED");
        assertThat(eligibility.path("subscriptionId").asText()).isEqualTo(joined);
        assertThat(eligibility.path("providerType").asText()).isEqualTo("INSURER");
        assertThat(eligibility.path("providerNameJa").asText()).isEqualTo("テスト国保");
        assertThat(eligibility.path("providerNameEn").asText()).isEqualTo("Test NHI");
        assertThat(eligibility.path("serviceNameJa").asText()).isEqualTo("資格");
        assertThat(eligibility.path("serviceNameEn").asText()).isEqualTo("Eligibility");
        JsonNode notices = byService.get("test-nhi/medical-expense-notice");
        assertThat(notices.path("state").asText()).isEqualTo("JOINABLE");
        assertThat(notices.has("subscriptionId")).isFalse();
        assertThat(byService.get("test-hospital/medical-records").path("state").asText())
                .isEqualTo("NOT_KNOWN");
        assertThat(count("access_log")).isEqualTo(logged + 1);
    }

    @Test
    void refusesToSubscribeWhereTheProviderHoldsNoIdForThePersonTodayWhoeverAsks() {
        String person = createPerson();
        String ended = map(person, "test-hospital", Map.of("localNumber", "E" + System.nanoTime()), "2015-01-01");
        city().post(
                        "/api/v1/persons/" + person + "/mappings/" + ended + "/end",
                        Map.of("validTo", TODAY.minusDays(1).toString(), "reason", "left the hospital's care"));
        map(person, "test-nhi", insuranceCard(), TODAY.plusDays(1).toString());
        int subscriptions = count("subscription");

        for (Api caller : new Api[] {city(), as("portal-gateway"), asOperator(cityAdmin())}) {
            for (String[] service :
                    new String[][] {{"test-hospital", "medical-records"}, {"test-nhi", "eligibility"}}) {
                Api.Response refused = caller.post(
                        "/api/v1/persons/" + person + "/subscriptions",
                        Map.of("providerKey", service[0], "serviceKey", service[1]));
                assertThat(refused.status()).as(service[0]).isEqualTo(409);
                assertThat(refused.problemCode()).isEqualTo("NOT_JOINABLE");
            }
        }
        assertThat(count("subscription")).isEqualTo(subscriptions);
        assertThat(city().get("/api/v1/persons/" + person + "/service-choices").json())
                .allSatisfy(choice -> assertThat(choice.path("state").asText()).isEqualTo("NOT_KNOWN"));
    }

    @Test
    void keepsAJoinedServiceJoinedAfterTheProviderForgetsThePersonSoThatTheyCanWithdraw() {
        String person = createPerson();
        String mapping = map(person, "test-hospital", Map.of("localNumber", "W" + System.nanoTime()), "2015-01-01");
        String joined = city().post(
                        "/api/v1/persons/" + person + "/subscriptions",
                        Map.of("providerKey", "test-hospital", "serviceKey", "medical-records"))
                .json()
                .path("id")
                .asText();
        city().post(
                        "/api/v1/persons/" + person + "/mappings/" + mapping + "/end",
                        Map.of("validTo", TODAY.minusDays(1).toString()));

        JsonNode records = null;
        for (JsonNode choice :
                city().get("/api/v1/persons/" + person + "/service-choices").json()) {
            if (choice.path("serviceKey").asText().equals("medical-records")) {
                records = choice;
            }
        }
        assertThat(records).isNotNull();
        assertThat(records.path("state").asText()).isEqualTo("JOINED");
        assertThat(city().post("/api/v1/persons/" + person + "/subscriptions/" + joined + "/withdraw", Map.of())
                        .status())
                .isEqualTo(200);
    }
}
