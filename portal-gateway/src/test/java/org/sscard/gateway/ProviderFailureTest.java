package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/** Providers that fail: each with its own breaker (opens after 3 calls here) and time limit (1 s here). */
class ProviderFailureTest extends GatewayTest {

    private Browser residentOf(StandInProvider... providers) {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "シケン ハナコ", RelayFixture.newProvisionalSsn());
        for (StandInProvider provider : providers) {
            RELAY.registerProvider(provider.key(), "PROXY", provider.baseUrl(), "notices", "/notices");
            RELAY.join(person, provider.key(), "notices", "N-" + provider.key());
        }
        Browser browser = browser();
        browser.login(person);
        return browser;
    }

    @Test
    void opensTheBreakerOfAFailingProviderOnlyAndStopsCallingIt() {
        try (StandInProvider failing = new StandInProvider(RelayFixture.newKey("failing"));
                StandInProvider healthy = new StandInProvider(RelayFixture.newKey("healthy"))) {
            Browser browser = residentOf(failing, healthy);
            failing.failing(true);
            for (int i = 0; i < 3; i++) {
                assertThat(browser.get("/p/" + failing.key() + "/notices").statusCode())
                        .isEqualTo(502);
            }
            int calls = failing.calls();
            HttpResponse<String> open = browser.get("/p/" + failing.key() + "/notices", "Accept", "application/json");
            assertThat(open.statusCode()).isEqualTo(503);
            assertThat(open.body()).contains("PROVIDER_UNAVAILABLE");
            assertThat(failing.calls()).isEqualTo(calls);
            assertThat(browser.get("/p/" + healthy.key() + "/notices").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void showsAProviderThatIsDownAsUnavailable() {
        StandInProvider down = new StandInProvider(RelayFixture.newKey("down"));
        Browser browser = residentOf(down);
        down.close();
        HttpResponse<String> page = browser.get("/p/" + down.key() + "/notices");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("PROVIDER_UNAVAILABLE").contains("このサービスはただいま利用できません");
    }

    @Test
    void givesUpOnAProviderThatDoesNotAnswerInTime() {
        try (StandInProvider slow = new StandInProvider(RelayFixture.newKey("slow"))) {
            Browser browser = residentOf(slow);
            HttpResponse<String> response = browser.get("/p/" + slow.key() + "/slow", "Accept", "application/json");
            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("PROVIDER_TIMEOUT");
        }
    }

    @Test
    void saysSoWhenAuthServiceCannotExchangeTheToken() {
        try (StandInProvider provider = new StandInProvider(RelayFixture.newKey("noexchange"))) {
            Browser browser = residentOf(provider);
            AUTH.refuseExchanges(true);
            try {
                HttpResponse<String> response =
                        browser.get("/p/" + provider.key() + "/notices", "Accept", "application/json");
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("LOGIN_UNAVAILABLE");
                assertThat(provider.calls()).isZero();
            } finally {
                AUTH.refuseExchanges(false);
            }
        }
    }
}
